// Code runs only from configs the user chose: a config that came inside a linted folder may set
// rules and options, but its plugins and rules folders are refused (issue 15, item 2).
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, stratlint, tempDir } from './helpers.js';

const STRATEGY = readFileSync(join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md'), 'utf8');

// A plugin that leaves a mark when it is loaded, and a rule that reports every document.
const TOOL = (mark: string) => `import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(mark)}, 'ran');
export default { rules: { tool: {
  meta: { sign: 'mainstream', severity: 'warning', description: 'x', fix: 'y' },
  check({ report }) { report({ start: 0, end: 1, message: 'the tool ran' }); },
} } };
`;

/** A received client folder under `work/` with a config that names a plugin hidden in it. */
function clientFolder(config: (dir: string) => string): { work: string; client: string; mark: string } {
  const work = tempDir('stratlint-trust-');
  const client = join(work, 'client');
  mkdirSync(join(client, '.hidden'), { recursive: true });
  const mark = join(work, 'plugin-ran');
  writeFileSync(join(client, '.hidden', 'tool.js'), TOOL(mark));
  writeFileSync(join(client, 'strategy.md'), STRATEGY);
  writeFileSync(join(client, '.stratlintrc.yml'), config(client));
  return { work, client, mark };
}

describe('configs found among the documents', () => {
  it('may not load a plugin: one line names it, nothing runs, exit 2', () => {
    const { work, client, mark } = clientFolder(() => 'plugins: ["./.hidden/tool.js"]\n');
    const r = stratlint(['client', '--format', 'json'], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `stratlint: config error: ${join(client, '.stratlintrc.yml')}: refusing to load plugin "./.hidden/tool.js": the config was found among the documents, not where stratlint runs; run stratlint in its folder, name it with --config, or give --trust-config\n`,
    );
    expect(existsSync(mark)).toBe(false);
  });

  it('may not load a rules folder, nor a plugin through a file it extends', () => {
    const rulesDir = clientFolder(() => 'rulesDir: .hidden\n');
    const r = stratlint(['client/strategy.md'], { cwd: rulesDir.work });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^stratlint: config error: .*client\/\.stratlintrc\.yml: refusing to load rules folder "\.hidden"/);
    expect(r.stderr.split('\n')).toHaveLength(2);

    const extended = clientFolder((dir) => {
      writeFileSync(join(dir, '.hidden', 'base.yml'), 'plugins: ["./tool.js"]\n');
      return 'extends: ./.hidden/base.yml\n';
    });
    const e = stratlint(['client', '--jobs', '2', '--format', 'json'], { cwd: extended.work });
    expect(e.code).toBe(2);
    expect(e.stderr).toContain(`${join(extended.client, '.hidden', 'base.yml')}: refusing to load plugin "./tool.js" (through ${join(extended.client, '.stratlintrc.yml')})`);
    expect(existsSync(extended.mark)).toBe(false);
  });

  it('still set rules, severities and options', () => {
    const { work } = clientFolder(() => 'rules:\n  long-horizon: off\n  no-users: warn\n');
    const r = stratlint(['client', '--format', 'json'], { cwd: work });
    const findings = JSON.parse(r.stdout).files[0].findings as Array<{ ruleId: string; severity: string }>;
    expect(findings.some((f) => f.ruleId === 'long-horizon')).toBe(false);
    expect(findings.find((f) => f.ruleId === 'no-users')?.severity).toBe('warning');
  });

  it('load code when named with --config, run from their folder, or with --trust-config', () => {
    const { work, client, mark } = clientFolder(() => 'plugins: ["./.hidden/tool.js"]\nrules:\n  tool/tool: warn\n');
    const ran = (r: { stdout: string }) => JSON.parse(r.stdout).files[0].findings.some((f: { message: string }) => f.message === 'the tool ran');
    const named = stratlint(['client', '-c', 'client/.stratlintrc.yml', '--format', 'json'], { cwd: work });
    expect(ran(named), named.stderr).toBe(true);
    expect(existsSync(mark)).toBe(true);
    expect(ran(stratlint(['.', '--format', 'json'], { cwd: client }))).toBe(true);
    // The folder stratlint runs in, or any above it, is the user's own.
    mkdirSync(join(client, 'sub'));
    writeFileSync(join(client, 'sub', 'plan.md'), STRATEGY);
    expect(ran(stratlint(['plan.md', '--format', 'json'], { cwd: join(client, 'sub') }))).toBe(true);
    expect(ran(stratlint(['client', '--trust-config', '--format', 'json'], { cwd: work }))).toBe(true);
  });
});
