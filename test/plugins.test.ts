// Rules anyone can add: the example plugin installed into a project, YAML rules, presets, and
// what happens when a plugin or a YAML rule is broken.
import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, stratlint, tempDir } from './helpers.js';

const STRATEGY = `---
date: 2025-04-01
---

# Riverside digital strategy

Residents told us in a survey that they want to report problems online.

## Our priorities

- Leverage synergies across the council by 2026
- Answer 90% of calls within 2 minutes by March 2026

This strategy supports good homes.
`;

const json = (stdout: string) => JSON.parse(stdout) as { files: any[] };

describe('the example plugin, installed into a project', () => {
  let project = '';

  beforeAll(() => {
    project = tempDir('stratlint-project-');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'strategy-repo', version: '1.0.0', private: true }));
    // A real install of the plugin folder (copied, as from the registry), with no network.
    execFileSync('npm', ['install', '--install-links', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', join(ROOT, 'examples', 'stratlint-plugin-example')], {
      cwd: project,
      stdio: 'pipe',
    });
    // stratlint itself, as the project would have it installed.
    symlinkSync(ROOT, join(project, 'node_modules', 'stratlint'), 'dir');
    mkdirSync(join(project, 'rules'));
    writeFileSync(
      join(project, 'rules', 'plain-words.yml'),
      ['sign: mainstream', 'kind: substitution', 'scope: document', 'message: Say "{{expected}}", not "{{match}}"', 'swap:', '  leverage: use', '  synergies: shared work', ''].join('\n'),
    );
    writeFileSync(
      join(project, 'rules', 'principles-section.yml'),
      ['id: needs-principles', 'sign: useful-to-teams', 'severity: error', 'kind: required-section', 'heading: ["principles", "how we work"]', 'message: No principles section', ''].join('\n'),
    );
    writeFileSync(
      join(project, '.stratlintrc.yml'),
      ['plugins: [example]', 'rulesDir: rules', 'rules:', '  example/corporate-themes: [error, { themes: [good homes, a thriving borough] }]', ''].join('\n'),
    );
    writeFileSync(join(project, 'strategy.md'), STRATEGY);
  }, 120_000);

  it("runs the plugin's own RuleTester tests under node:test, as its author would", () => {
    // The published package leaves its tests out; run them in a working copy beside stratlint.
    const dev = tempDir('stratlint-plugin-dev-');
    cpSync(join(ROOT, 'examples', 'stratlint-plugin-example'), dev, { recursive: true });
    mkdirSync(join(dev, 'node_modules'));
    symlinkSync(ROOT, join(dev, 'node_modules', 'stratlint'), 'dir');
    const r = spawnSync(process.execPath, ['--test', 'test/'], { cwd: dev, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toMatch(/# pass 2\n# fail 0/);
    expect(r.status).toBe(0);
  });

  it('reports plugin and YAML rules with their ids, lines and severities', () => {
    const r = stratlint(['strategy.md', '--format', 'json'], { cwd: project });
    const findings = json(r.stdout).files[0].findings.map((f: any) => `${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
    expect(findings).toContain('5:1 error example/corporate-themes The corporate plan\'s theme "a thriving borough" is never mentioned');
    expect(findings).toContain('5:1 error needs-principles No principles section');
    expect(findings).toContain('11:3 warning plain-words Say "use", not "Leverage"');
    expect(findings).toContain('11:12 warning plain-words Say "shared work", not "synergies"');
    // Installed as a copy, as from the registry, with only its published files.
    expect(existsSync(join(project, 'node_modules', 'stratlint-plugin-example', 'index.js'))).toBe(true);
    expect(findings.some((f: string) => f.includes('"good homes" is never mentioned'))).toBe(false);
    expect(r.code).toBe(1);
  });

  it('uses a preset from the plugin', () => {
    writeFileSync(join(project, 'preset.stratlintrc.yml'), 'plugins: [example]\nextends: example:council\n');
    const r = stratlint(['strategy.md', '--config', 'preset.stratlintrc.yml', '--format', 'json'], { cwd: project });
    const ids = json(r.stdout).files[0].findings.filter((f: any) => f.ruleId === 'example/corporate-themes').map((f: any) => f.message);
    expect(ids).toEqual([
      'The corporate plan\'s theme "a council that listens" is never mentioned',
      'The corporate plan\'s theme "a thriving borough" is never mentioned',
    ]);
  });

  it('reports a plugin rule that throws, and still runs the other rules', () => {
    mkdirSync(join(project, 'plugins'), { recursive: true });
    writeFileSync(
      join(project, 'plugins', 'broken.js'),
      `export default { rules: { explode: { meta: { sign: 'vague', severity: 'warning', description: 'd', fix: 'f', options: {} }, check() { throw new Error('boom'); } } } };\n`,
    );
    writeFileSync(join(project, 'broken.stratlintrc.yml'), 'plugins: [./plugins/broken.js]\n');
    const r = stratlint(['strategy.md', '--config', 'broken.stratlintrc.yml', '--format', 'json'], { cwd: project });
    const file = json(r.stdout).files[0];
    expect(file.errors).toEqual([{ code: 'rule-failed', message: 'Rule "broken/explode" failed: boom' }]);
    expect(file.findings.some((f: any) => f.ruleId === 'no-review-cycle')).toBe(true);
    expect(r.code).toBe(2);
  });

  it('names the plugin and the config file when a plugin cannot be loaded', () => {
    writeFileSync(join(project, 'missing.stratlintrc.yml'), 'plugins: [nhs]\n');
    const r = stratlint(['strategy.md', '--config', 'missing.stratlintrc.yml'], { cwd: project });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.stratlintrc\.yml: cannot load plugin "nhs": the package stratlint-plugin-nhs is not installed/);
  });
});

describe('YAML rules', () => {
  const project = (rule: string, strategy = STRATEGY) => {
    const dir = tempDir();
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'rule.yml'), rule);
    writeFileSync(join(dir, '.stratlintrc.yml'), 'rulesDir: rules\n');
    writeFileSync(join(dir, 'strategy.md'), strategy);
    return dir;
  };

  it('existence: reports each term, in the scope given', () => {
    const dir = project('sign: cookie-cutter\nkind: existence\nscope: objectives\nterms: [synergies]\nmessage: Cliché "{{match}}"\n');
    const f = json(stratlint(['strategy.md', '--format', 'json'], { cwd: dir }).stdout).files[0].findings.filter((x: any) => x.ruleId === 'rule');
    expect(f.map((x: any) => `${x.line}:${x.column} ${x.message} ${x.sign}`)).toEqual(['11:12 Cliché "synergies" cookie-cutter']);
  });

  it('existence with required: reports at the title when the term is missing', () => {
    const dir = project('id: wgll\nsign: integrated\nkind: existence\nrequired: true\nterms: ["What Good Looks Like"]\nmessage: No mention of What Good Looks Like\n');
    const f = json(stratlint(['strategy.md', '--format', 'json'], { cwd: dir }).stdout).files[0].findings.filter((x: any) => x.ruleId === 'wgll');
    expect(f.map((x: any) => `${x.line}:${x.column} ${x.message}`)).toEqual(['5:1 No mention of What Good Looks Like']);
  });

  it('occurrence: too many matches per document', () => {
    const dir = project('sign: vague\nkind: occurrence\nterms: ["by 2026", "by March 2026"]\nmax: 1\nmessage: "{{count}} deadlines in 2026; at most {{max}}"\n');
    const f = json(stratlint(['strategy.md', '--format', 'json'], { cwd: dir }).stdout).files[0].findings.filter((x: any) => x.ruleId === 'rule');
    expect(f.map((x: any) => `${x.line}:${x.column} ${x.message}`)).toEqual(['5:1 2 deadlines in 2026; at most 1']);
  });

  it('metric: a formula over document counts with a condition', () => {
    const dir = project('sign: vague\nkind: metric\nformula: measurableObjectives / objectives\ncondition: "< 0.75"\nmessage: "Only {{value}} of objectives are measurable"\n');
    const f = json(stratlint(['strategy.md', '--format', 'json'], { cwd: dir }).stdout).files[0].findings.filter((x: any) => x.ruleId === 'rule');
    expect(f.map((x: any) => `${x.line}:${x.column} ${x.message}`)).toEqual(['5:1 Only 0.5 of objectives are measurable']);
  });

  const broken: Array<[string, string, RegExp]> = [
    ['unknown kind', 'sign: vague\nkind: existance\nmessage: m\n', /rule\.yml:2:7: "kind" must be one of existence, substitution/],
    ['bad sign', 'kind: existence\nterms: [x]\nsign: vage\nmessage: m\n', /rule\.yml:3:7: "sign" must be one of/],
    ['unknown key', 'kind: existence\nsign: vague\nterms: [x]\nmesage: m\n', /rule\.yml:4:1: unknown key "mesage" for a existence rule/],
    ['bad formula variable', 'kind: metric\nsign: vague\nformula: goals / words\ncondition: "> 1"\nmessage: m\n', /rule\.yml:3:10: unknown variable "goals"/],
    ['not YAML', 'kind: existence\nterms: [x\n', /rule\.yml:\d+:\d+: is not valid YAML/],
  ];
  for (const [name, rule, message] of broken) {
    it(`stops with the file, line and column of a mistake: ${name}`, () => {
      const r = stratlint(['strategy.md'], { cwd: project(rule) });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    });
  }
});

describe('presets', () => {
  it('stratlint:strict turns findings into errors and tightens thresholds', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.stratlintrc.yml'), 'extends: stratlint:strict\n');
    writeFileSync(join(dir, 'strategy.md'), STRATEGY);
    const f = json(stratlint(['strategy.md', '--format', 'json'], { cwd: dir }).stdout).files[0].findings;
    expect(f.find((x: any) => x.ruleId === 'no-review-cycle')?.severity).toBe('error');
  });

  it('stratlint:nhs adds NHS vocabulary to the lexicons', () => {
    const dir = tempDir();
    const nhs = '# Trust digital strategy\n\nThe ICS will fund a shared EPR.\n';
    writeFileSync(join(dir, 'strategy.md'), nhs);
    const plain = json(stratlint(['strategy.md', '--format', 'json'], { cwd: dir }).stdout).files[0].findings;
    expect(plain.filter((x: any) => x.ruleId === 'undefined-acronyms').map((x: any) => x.message)).toEqual(['"ICS" is never spelled out', '"EPR" is never spelled out']);
    writeFileSync(join(dir, '.stratlintrc.yml'), 'extends: stratlint:nhs\n');
    const nhsRun = json(stratlint(['strategy.md', '--format', 'json'], { cwd: dir }).stdout).files[0].findings;
    expect(nhsRun.filter((x: any) => x.ruleId === 'undefined-acronyms')).toEqual([]);
  });

  it('a config can extend a preset that extends a preset, and an unknown preset is an error', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'strategy.md'), STRATEGY);
    writeFileSync(join(dir, '.stratlintrc.yml'), 'extends: stratlint:stictt\n');
    const r = stratlint(['strategy.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown preset "stratlint:stictt" in "extends"; presets are stratlint:recommended, stratlint:strict, stratlint:nhs/);
  });
});
