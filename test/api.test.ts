// The programmatic API: exactly what `import … from 'stratlint'` offers, and that it gives
// what the command line gives.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT, stratlint, tempDir } from './helpers.js';

const GOOD = 'fixtures/strategies/riverside-council-digital-strategy.md';
const BAD = 'fixtures/strategies/northshire-ten-year-vision.md';

// Adding to this list is a decision about the public API; removing from it is a breaking change.
const PUBLIC_VALUES = [
  'BAD_SIGNS',
  'ConfigError',
  'FORMATS',
  'GOOD_SIGNS',
  'Linter',
  'RuleTester',
  'SIGNS',
  'defaultOptions',
  'defineRule',
  'formatResults',
  'lintFiles',
  'lintText',
  'quote',
];
const PUBLIC_TYPES = [
  'Analysis',
  'Block',
  'Directive',
  'ExpectedFinding',
  'FileError',
  'FileResult',
  'Finding',
  'FormatName',
  'FormatResultsOptions',
  'InvalidCase',
  'LintOptions',
  'LintResults',
  'LintRun',
  'LintSummary',
  'LintTextOptions',
  'ListInfo',
  'Objective',
  'OptionType',
  'QuantityFact',
  'Report',
  'Rule',
  'RuleContext',
  'RuleMeta',
  'RuleOptionSpec',
  'Scorecard',
  'Section',
  'Sentence',
  'Severity',
  'Sign',
  'SignScore',
  'StrategyDocument',
  'TemporalFact',
  'TermFact',
  'ValidCase',
  'Verdict',
];

const api = () => import('../dist/src/index.js');

describe('public exports', () => {
  it('are exactly the pinned values and types, read from src/index.ts by the TypeScript compiler', () => {
    const entry = join(ROOT, 'src', 'index.ts');
    const program = ts.createProgram([entry], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, types: ['node'] });
    const checker = program.getTypeChecker();
    const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!);
    // `export type { Analysis }` exports a class as a type only: no value at run time.
    const typeOnly = (s: ts.Symbol) => (s.declarations ?? []).some((d) => ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly));
    const isValue = (s: ts.Symbol) => !typeOnly(s) && Boolean((s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s).flags & ts.SymbolFlags.Value);
    expect(exports.filter(isValue).map((s) => s.name).sort()).toEqual([...PUBLIC_VALUES].sort());
    expect(exports.filter((s) => !isValue(s)).map((s) => s.name).sort()).toEqual([...PUBLIC_TYPES].sort());
  }, 60_000);

  it('are what the built package gives at run time', async () => {
    expect(Object.keys(await api()).sort()).toEqual([...PUBLIC_VALUES].sort());
  });

  it('resolve as `stratlint` through package.json "exports"', () => {
    const script = "import { lintText, formatResults } from 'stratlint'; const run = await lintText('# Plan\\n\\nWe will transform.\\n', { filePath: 'plan.md' }); process.stdout.write(formatResults(run, 'github'));";
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^::error file=plan\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=no-users::/m);
  });
});

describe('lintFiles, lintText, formatResults', () => {
  it('lintFiles gives what the command line gives, in every format', async () => {
    const { lintFiles, formatResults, FORMATS } = await api();
    const run = await lintFiles([BAD, GOOD], { cwd: ROOT });
    expect(run.summary).toMatchObject({ files: 2, errors: 1 });
    expect(run.rules.map((r) => r.id)).toContain('long-horizon');
    for (const format of FORMATS) {
      if (format === 'stylish') continue;
      expect(formatResults(run, format), format).toBe(stratlint([BAD, GOOD, '--format', format]).stdout);
    }
    expect(formatResults(run)).toBe(stratlint([BAD, GOOD, '--no-color']).stdout);
    expect(formatResults(run, 'stylish', { color: true })).toContain('\u001b[');
  }, 180_000);

  it('lintText lints a document in memory under a name, with the config found for that name', async () => {
    const { lintText } = await api();
    const dir = tempDir();
    writeFileSync(join(dir, '.stratlintrc.yml'), 'rules:\n  long-horizon: error\n');
    const text = '---\ndate: 2024-01-01\n---\n\n# Plan\n\nResidents told us forms are hard to find.\n\nWe will review this every year. A paperless office by 2040.\n';
    const run = await lintText(text, { cwd: dir, filePath: 'docs/plan.md' });
    expect(run.files[0]!.path).toBe('docs/plan.md');
    const horizon = run.files[0]!.findings.find((f) => f.ruleId === 'long-horizon')!;
    expect(horizon).toMatchObject({ severity: 'error', line: 9, evidence: 'by 2040' });
    // configFile, like --config, is relative to cwd.
    mkdirSync(join(dir, 'ci'));
    writeFileSync(join(dir, 'ci', 'lenient.yml'), 'rules:\n  long-horizon: off\n');
    const lenient = await lintText(text, { cwd: dir, filePath: 'docs/plan.md', configFile: 'ci/lenient.yml' });
    expect(lenient.files[0]!.findings.some((f) => f.ruleId === 'long-horizon')).toBe(false);
    const empty = await lintText('  \n');
    expect(empty.files[0]).toMatchObject({ path: '<text>', errors: [{ code: 'empty' }] });
    expect(empty.summary.fileErrors).toBe(1);
  });

  it('rejects with a ConfigError naming the file and key for a bad config', async () => {
    const { lintFiles, ConfigError } = await api();
    const dir = tempDir();
    writeFileSync(join(dir, '.stratlintrc.yml'), 'rulez: {}\n');
    writeFileSync(join(dir, 'plan.md'), '# Plan\n');
    const error = await lintFiles('plan.md', { cwd: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/\.stratlintrc\.yml: unknown key "rulez" \(did you mean "rules"\?\)$/);
  });

  it('formatResults refuses a format it does not know', async () => {
    const { formatResults, lintText } = await api();
    const run = await lintText('# Plan\n');
    expect(() => formatResults(run, 'xml' as never)).toThrow('Unknown format "xml"; formats are stylish, json, sarif, github, junit, markdown');
  });
});
