// SARIF output through the real binary, checked by Microsoft's own validator
// (@microsoft/sarif-multitool) and by what code scanning relies on: rule metadata, regions,
// fingerprints that survive moved lines, file errors as tool notifications.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, stratlint, tempDir } from './helpers.js';
import { sarifOf, validate } from './support/sarif.js';

const GOOD = 'fixtures/strategies/riverside-council-digital-strategy.md';
const BAD = 'fixtures/strategies/northshire-ten-year-vision.md';

function lintToSarif(args: string[], cwd = ROOT): { code: number; file: string; stderr: string } {
  const file = join(tempDir('stratlint-sarif-'), 'out.sarif');
  const r = stratlint([...args, '--format', 'sarif', '--output-file', file], { cwd });
  return { code: r.code, file, stderr: r.stderr };
}

describe('SARIF validated by sarif-multitool', () => {
  it('has no errors or warnings for Markdown input, findings and file errors included', () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, BAD), join(dir, 'northshire vision.md'));
    copyFileSync(join(ROOT, GOOD), join(dir, 'riverside.md'));
    writeFileSync(join(dir, 'empty.md'), '');
    copyFileSync(join(ROOT, 'fixtures/edge/directives.md'), join(dir, 'directives.md'));
    const { code, file } = lintToSarif(['.'], dir);
    expect(code).toBe(2);
    expect(sarifOf(file).runs[0].results.length).toBeGreaterThan(20);
    expect(validate(file)).toEqual([]);
  }, 180_000);

  it('is a validator that finds errors (a log without its tool is refused)', () => {
    const { file } = lintToSarif([BAD]);
    const broken = sarifOf(file);
    delete broken.runs[0].tool;
    writeFileSync(file, JSON.stringify(broken, null, 2));
    expect(validate(file)).toEqual([expect.stringMatching(/^error JSON1002: .*tool/)]);
  }, 180_000);

  // DOCX support is being added on another branch; this runs as soon as the engine reads .docx.
  const docxFixtures = existsSync(join(ROOT, 'fixtures/docx'))
    ? readdirSync(join(ROOT, 'fixtures/docx')).filter((f) => f.endsWith('.docx')).map((f) => `fixtures/docx/${f}`)
    : [];
  const docxSupported = async () => {
    const files = (await import('../dist/src/engine/files.js')) as { DOCUMENT_EXTENSIONS: string[] };
    return files.DOCUMENT_EXTENSIONS.includes('.docx') && docxFixtures.length > 0;
  };

  it('has no errors or warnings for DOCX input (paragraph regions, heading paths)', async (ctx) => {
    if (!(await docxSupported())) ctx.skip();
    const { file } = lintToSarif(docxFixtures);
    const run = sarifOf(file).runs[0];
    const docx = run.results.filter((r: any) => r.locations[0].physicalLocation.artifactLocation.uri.endsWith('.docx'));
    expect(docx.length).toBeGreaterThan(0);
    for (const result of docx) {
      // Line numbers are Word paragraph numbers, and the locator says so.
      expect(result.properties.locator).toMatch(/^¶\d+/);
      expect(result.properties.locator).toContain(`¶${result.locations[0].physicalLocation.region.startLine}`);
    }
    expect(docx.some((r: any) => r.locations[0].logicalLocations?.[0]?.fullyQualifiedName)).toBe(true);
    expect(validate(file)).toEqual([]);
  }, 180_000);
});

describe('SARIF content', () => {
  let file: string;
  let log: any;
  let run: any;
  beforeAll(() => {
    file = lintToSarif([BAD, GOOD]).file;
    log = sarifOf(file);
    run = log.runs[0];
  });

  it('is SARIF 2.1.0 from stratlint, listing every rule with its metadata', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const driver = run.tool.driver;
    expect(driver.name).toBe('stratlint');
    expect(driver.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const rules = stratlint(['rules']).stdout.trim().split('\n').map((line) => line.split(/\s+/)[0]);
    expect(driver.rules.map((r: any) => r.id)).toEqual(rules);
    const horizon = driver.rules.find((r: any) => r.id === 'long-horizon');
    expect(horizon).toMatchObject({
      name: 'LongHorizon',
      shortDescription: { text: expect.stringMatching(/five years/) },
      fullDescription: { text: expect.stringContaining('Plan for one to five years') },
      helpUri: expect.stringMatching(/^https:\/\/.*\/rules\/long-horizon\.md$/),
      defaultConfiguration: { level: 'warning' },
    });
    expect(driver.rules.find((r: any) => r.id === 'no-users').defaultConfiguration.level).toBe('error');
  });

  it('gives each result its rule, level, message, evidence and region', () => {
    const horizon = run.results.find((r: any) => r.ruleId === 'long-horizon' && r.locations[0].physicalLocation.region.startLine === 15);
    expect(run.tool.driver.rules[horizon.ruleIndex].id).toBe('long-horizon');
    expect(horizon.level).toBe('warning');
    expect(horizon.message.text).toBe('Horizon runs to 2035, 10 years past the document\'s date (2025). Evidence: “by 2035”.');
    expect(horizon.properties).toMatchObject({ evidence: 'by 2035', sign: 'too-long-term', locator: '15:4' });
    expect(horizon.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: BAD, uriBaseId: '%SRCROOT%', index: 0 },
      region: { startLine: 15, startColumn: 4, endLine: 15, endColumn: 8 },
    });
    expect(horizon.locations[0].logicalLocations[0].fullyQualifiedName).toMatch(/^Northshire Health Digital Vision 2025–2035 › /);
    const error = run.results.find((r: any) => r.ruleId === 'no-users');
    expect(error.level).toBe('error');
  });

  it('puts each document’s scorecard in the run’s properties', () => {
    const cards = run.properties.scorecards;
    expect(cards.map((c: any) => c.artifact)).toEqual([BAD, GOOD]);
    const json = JSON.parse(stratlint([BAD, GOOD, '--format', 'json']).stdout);
    expect(cards[0].score).toBe(json.files[0].scorecard.score);
    expect(cards[0].signs).toEqual(json.files[0].scorecard.signs);
  });

  it('reports unreadable files as tool execution notifications on the artifact', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.md'), '');
    const { code, file: out } = lintToSarif(['empty.md', 'missing.md'], dir);
    expect(code).toBe(2);
    const invocation = sarifOf(out).runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(
      invocation.toolExecutionNotifications.map((n: any) => [n.level, n.descriptor.id, n.message.text, n.locations[0].physicalLocation.artifactLocation.uri]),
    ).toEqual([
      ['error', 'empty', 'File is empty.', 'empty.md'],
      ['error', 'not-found', 'No such file or folder.', 'missing.md'],
    ]);
  });

  it('keeps fingerprints when unrelated lines move, and tells repeated evidence apart', () => {
    const dir = tempDir();
    const text = readFileSync(join(ROOT, BAD), 'utf8');
    writeFileSync(join(dir, 'plan.md'), text);
    const before = sarifOf(lintToSarif(['plan.md'], dir).file).runs[0].results;
    // Three new paragraphs after the front matter push every finding down six lines.
    const moved = text.replace(/^---\n([\s\S]*?)\n---\n/, (fm) => `${fm}\nA note.\n\nAnother note.\n\nA third.\n`);
    writeFileSync(join(dir, 'plan.md'), moved);
    const after = sarifOf(lintToSarif(['plan.md'], dir).file).runs[0].results;
    expect(after.length).toBe(before.length);
    const key = (r: any) => r.partialFingerprints['stratlintEvidenceHash/v1'];
    expect(after.map(key)).toEqual(before.map(key));
    expect(after[1].locations[0].physicalLocation.region.startLine).toBe(before[1].locations[0].physicalLocation.region.startLine + 6);
    expect(new Set(before.map(key)).size).toBe(before.length);
    for (const r of before) expect(key(r)).toMatch(/^[0-9a-f]{32}:\d+$/);
  });

  it('is byte-identical for the same input', () => {
    expect(readFileSync(lintToSarif([BAD, GOOD]).file, 'utf8')).toBe(readFileSync(file, 'utf8'));
  });

  it('lists rules from the config too (here a YAML rule), and points their results at them', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'plain-words.yml'), 'sign: cookie-cutter\nkind: existence\nterms: [synergies]\nmessage: Cliché "{{match}}"\n');
    writeFileSync(join(dir, '.stratlintrc.yml'), 'rulesDir: rules\n');
    writeFileSync(join(dir, 'plan.md'), readFileSync(join(ROOT, GOOD), 'utf8') + '\nWe will find synergies.\n');
    const out = sarifOf(lintToSarif(['plan.md'], dir).file).runs[0];
    const index = out.tool.driver.rules.findIndex((r: any) => r.id === 'plain-words');
    expect(index).toBeGreaterThan(-1);
    // Its docs are a file on this machine, no use as a link in code scanning.
    expect(out.tool.driver.rules[index].helpUri).toBeUndefined();
    const result = out.results.find((r: any) => r.ruleId === 'plain-words');
    expect(result.ruleIndex).toBe(index);
    expect(result.message.text).toBe('Cliché "synergies". Evidence: “We will find synergies.”.');
  });

  it('encodes paths as URI references', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'plans 2025'));
    copyFileSync(join(ROOT, GOOD), join(dir, 'plans 2025', 'R&D #1.md'));
    const out = sarifOf(lintToSarif(['.'], dir).file);
    expect(out.runs[0].artifacts[0].location.uri).toBe('plans%202025/R%26D%20%231.md');
  });
});
