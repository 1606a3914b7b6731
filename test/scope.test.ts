// Which documents are linted and with which settings: .stratlintignore, --ignore-pattern and
// per-glob overrides in config, through the real binary.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, stratlint, tempDir } from './helpers.js';

const BAD = join(ROOT, 'fixtures/strategies/northshire-ten-year-vision.md');
const GOOD = join(ROOT, 'fixtures/strategies/riverside-council-digital-strategy.md');

/** A strategy repository: strategies under docs/, old ones under archive/, drafts beside them. */
function repository(): string {
  const dir = tempDir();
  for (const folder of ['docs', 'docs/drafts', 'archive/2019']) mkdirSync(join(dir, folder), { recursive: true });
  copyFileSync(GOOD, join(dir, 'docs', 'strategy.md'));
  copyFileSync(BAD, join(dir, 'docs', 'drafts', 'vision.md'));
  copyFileSync(BAD, join(dir, 'archive', '2019', 'vision.md'));
  writeFileSync(join(dir, 'README.md'), '# Strategy repository\n\nWhere we keep our strategies.\n');
  return dir;
}

const paths = (stdout: string) => JSON.parse(stdout).files.map((f: any) => f.path);

describe('.stratlintignore and --ignore-pattern', () => {
  it('leaves out what .stratlintignore names, in gitignore syntax, when walking folders and globs', () => {
    const dir = repository();
    writeFileSync(join(dir, 'archive', '2019', 'minutes.md'), '# Board minutes\n\nResidents asked about bins.\n');
    writeFileSync(join(dir, '.stratlintignore'), '# not strategies\n/README.md\ndrafts/\narchive/**/*.md\n!archive/2019/vision.md\n');
    const r = stratlint(['.', '--format', 'json'], { cwd: dir });
    expect(paths(r.stdout)).toEqual(['archive/2019/vision.md', 'docs/strategy.md']);
    expect(r.stderr).toBe('');
    expect(paths(stratlint(['**/*.md', '--format', 'json'], { cwd: dir }).stdout)).toEqual(['archive/2019/vision.md', 'docs/strategy.md']);
  });

  it('adds --ignore-pattern to .stratlintignore', () => {
    const dir = repository();
    writeFileSync(join(dir, '.stratlintignore'), 'README.md\n');
    const r = stratlint(['.', '--ignore-pattern', 'drafts/', '--ignore-pattern', 'archive', '--format', 'json'], { cwd: dir });
    expect(paths(r.stdout)).toEqual(['docs/strategy.md']);
    expect(r.code).toBe(0);
  });

  it('skips an ignored file named on the command line, with a warning on stderr', () => {
    const dir = repository();
    writeFileSync(join(dir, '.stratlintignore'), 'drafts/\n');
    const r = stratlint(['docs/drafts/vision.md', 'docs/strategy.md', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(paths(r.stdout)).toEqual(['docs/strategy.md']);
    expect(r.stderr).toBe('stratlint: warning: docs/drafts/vision.md is ignored by "drafts/" (.stratlintignore), so it was not linted\n');
    const only = stratlint(['./docs/drafts/vision.md', '--ignore-pattern', '*.md'], { cwd: dir });
    expect(only.code).toBe(0);
    expect(only.stderr).toContain('docs/drafts/vision.md is ignored by "drafts/" (.stratlintignore)');
  });

  it('reports a folder whose documents are all ignored', () => {
    const dir = repository();
    const r = stratlint(['docs/drafts', '--ignore-pattern', 'vision.md', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).files[0]).toMatchObject({ path: 'docs/drafts', errors: [{ code: 'all-ignored' }] });
  });
});

describe('overrides in config', () => {
  const CONFIG = [
    'rules:',
    '  long-horizon: error',
    'overrides:',
    '  # Archived strategies: judged by the date they were written, horizons not counted.',
    '  - files: ["archive/**/*.md"]',
    '    referenceDate: 2019-06-01',
    '    rules:',
    '      long-horizon: off',
    '      no-users: warn',
    '  # A glob without a slash matches the file name in any folder.',
    '  - files: vision.md',
    '    rules:',
    '      hype-tech: off',
    '  # Later entries win.',
    '  - files: archive/2019/*',
    '    rules:',
    '      no-users: off',
  ].join('\n');

  const byPath = (stdout: string) => Object.fromEntries(JSON.parse(stdout).files.map((f: any) => [f.path, f]));
  const rulesOf = (file: any) => [...new Set(file.findings.map((f: any) => `${f.ruleId}:${f.severity}`))].sort();

  it('applies rules and referenceDate to matching documents only, later entries winning', () => {
    const dir = repository();
    writeFileSync(join(dir, '.stratlintrc.yml'), CONFIG);
    const files = byPath(stratlint(['docs', 'archive', '--format', 'json'], { cwd: dir }).stdout);
    const archived = files['archive/2019/vision.md'];
    const draft = files['docs/drafts/vision.md'];
    expect(archived.referenceDate).toBe('2019-06-01');
    expect(draft.referenceDate).toBe('2025-01-15');
    expect(rulesOf(archived)).not.toContain('long-horizon:error');
    expect(rulesOf(archived).some((r) => r.startsWith('no-users') || r.startsWith('hype-tech'))).toBe(false);
    expect(rulesOf(draft)).toContain('long-horizon:error');
    expect(rulesOf(draft)).toContain('no-users:error');
    expect(rulesOf(draft).some((r) => r.startsWith('hype-tech'))).toBe(false);
  });

  it('lets --rule beat an override', () => {
    const dir = repository();
    writeFileSync(join(dir, '.stratlintrc.yml'), CONFIG);
    const files = byPath(stratlint(['archive', '--rule', 'long-horizon:warn', '--format', 'json'], { cwd: dir }).stdout);
    expect(rulesOf(files['archive/2019/vision.md'])).toContain('long-horizon:warning');
  });

  it('reads globs relative to the config file, or to the working directory for --config', () => {
    const dir = repository();
    writeFileSync(join(dir, 'docs', '.stratlintrc.yml'), 'overrides:\n  - files: drafts/**\n    rules:\n      no-users: off\n');
    const found = byPath(stratlint(['docs', '--format', 'json'], { cwd: dir }).stdout);
    expect(rulesOf(found['docs/drafts/vision.md']).some((r) => r.startsWith('no-users'))).toBe(false);
    const named = byPath(stratlint(['docs', '--config', 'docs/.stratlintrc.yml', '--format', 'json'], { cwd: dir }).stdout);
    expect(rulesOf(named['docs/drafts/vision.md'])).toContain('no-users:error');
  });

  const bad: Array<[string, string, RegExp]> = [
    ['an unknown key', 'overrides:\n  - files: "*.md"\n    rulez: {}\n', /unknown key "overrides\[0\]\.rulez" \(did you mean "rules"\?\)/],
    ['no files', 'overrides:\n  - rules: { long-horizon: off }\n', /"overrides\[0\]\.files" must be a glob or a list of globs/],
    ['an unknown rule', 'overrides:\n  - files: "*.md"\n    rules: { long-horizn: off }\n', /unknown rule "long-horizn" \(did you mean "long-horizon"\?\)/],
    ['a bad severity', 'overrides:\n  - files: "*.md"\n    rules: { long-horizon: loud }\n', /"overrides\[0\]\.rules\.long-horizon" has severity "loud"/],
    ['a bad date', 'overrides:\n  - files: "*.md"\n    referenceDate: soon\n', /"overrides\[0\]\.referenceDate" must be a date like 2024-03-01, not "soon"/],
    ['not a list', 'overrides:\n  files: "*.md"\n', /"overrides" must be a list/],
  ];
  for (const [name, yaml, message] of bad) {
    it(`stops with exit code 2 naming the file and key: ${name}`, () => {
      const dir = repository();
      writeFileSync(join(dir, '.stratlintrc.yml'), yaml);
      const r = stratlint(['docs/strategy.md'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/\.stratlintrc\.yml: /);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }
});
