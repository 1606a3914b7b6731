// The CI formats through the real binary: GitHub workflow commands read back the way the
// Actions runner reads them, JUnit XML through a strict XML parser, the Markdown summary.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { ROOT, stratlint, tempDir } from './helpers.js';

const GOOD = 'fixtures/strategies/riverside-council-digital-strategy.md';
const BAD = 'fixtures/strategies/northshire-ten-year-vision.md';

// Characters a workflow command must escape: "%" in a message, ":" and "," in a property.
const TRICKY = `---\ndate: 2024-01-01\n---\n\n# Plan\n\nResidents told us in a survey that forms are hard to find.\n\n## AI: 100% of services, by 2040\n\nWe will review this strategy every year.\n`;
const TRICKY_NAME = 'plan, v2: draft.md';

interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** Reads one line the way the Actions runner parses `::command k=v,k=v::message`. */
function parseCommand(line: string): WorkflowCommand | null {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) return null;
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
  }
  return { command: match[1]!, properties, message: unescapeData(match[3]!) };
}
const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

describe('--format github', () => {
  it('prints one well-formed workflow command per finding, matching the JSON report', () => {
    const r = stratlint([BAD, GOOD, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    const findings = JSON.parse(stratlint([BAD, GOOD, '--format', 'json']).stdout).files.flatMap((f: any) => f.findings.map((x: any) => ({ ...x, path: f.path })));
    expect(lines).toHaveLength(findings.length);
    lines.forEach((line, i) => {
      const f = findings[i];
      expect(line).toMatch(/^::(error|warning) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\r\n]+$/);
      const parsed = parseCommand(line)!;
      expect(parsed.command).toBe(f.severity);
      expect(parsed.properties).toEqual({
        file: f.path,
        line: String(f.line),
        col: String(f.column),
        endLine: String(f.endLine),
        endColumn: String(f.endColumn),
        title: f.ruleId,
      });
      expect(parsed.message.split('\n')[0]).toBe(f.message);
      expect(parsed.message.split('\n').at(-1)).toBe(f.fix);
    });
    expect(parseCommand(lines.find((l) => l.includes('line=15,col=4'))!)!.message).toBe(
      'Horizon runs to 2035, 10 years past the document\'s date (2025)\n“by 2035”\nPlan for one to five years, and say how and when the strategy will be reviewed.',
    );
  });

  it('escapes %, newlines, and : and , in properties, so the runner reads back the same text', () => {
    const dir = tempDir();
    writeFileSync(join(dir, TRICKY_NAME), TRICKY);
    const r = stratlint([TRICKY_NAME, '--format', 'github'], { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) {
      expect(line).toContain('file=plan%2C v2%3A draft.md,');
      // After the command's own "::" separators, no raw newline and no "%" outside an escape.
      expect(line.split('::').slice(2).join('::')).not.toMatch(/%(?!25|0A|0D)/);
    }
    const hype = lines.map(parseCommand).find((c) => c!.properties.title === 'hype-tech')!;
    expect(hype.properties.file).toBe(TRICKY_NAME);
    expect(hype.message).toContain('"AI" in a heading: "AI: 100% of services, by 2040"');
  });

  it('prints nothing for a clean document, and ::error lines for files it cannot read', () => {
    expect(stratlint([GOOD, '--format', 'github']).stdout).toBe('');
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.md'), '');
    copyFileSync(join(ROOT, 'fixtures/edge/directives.md'), join(dir, 'directives.md'));
    const r = stratlint(['empty.md', 'directives.md', '--format', 'github', '--quiet'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      '::error file=directives.md,line=20,col=1::Unknown rule "no-such-rule" in a stratlint-disable directive',
      '::error file=empty.md::File is empty',
    ]);
  });
});

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses XML strictly (saxes throws on anything not well-formed) into a small tree. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    if (stack.length) stack[stack.length - 1]!.children.push(element);
    else root = element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    if (stack.length) stack[stack.length - 1]!.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  return root!;
}

describe('--format junit', () => {
  it('is well-formed XML with a suite per document and a case per rule', () => {
    const r = stratlint([BAD, GOOD, '--format', 'junit', '--rule', 'readability:off']);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const root = parseXml(r.stdout);
    expect(root.name).toBe('testsuites');
    const rules = stratlint(['rules']).stdout.trim().split('\n').map((line) => line.split(/\s+/)[0]);
    const [bad, good] = root.children;
    expect(bad!.attributes.name).toBe(BAD);
    const cases = bad!.children.filter((c) => c.name === 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(rules);
    const horizon = cases.find((c) => c.attributes.name === 'long-horizon')!;
    const failure = horizon.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attributes.type).toBe('warning');
    expect(failure.attributes.message).toMatch(/^\d+ warnings: Horizon runs to 2035/);
    expect(failure.text).toContain('15:4 warning Horizon runs to 2035, 10 years past the document\'s date (2025)\n  “by 2035”');
    expect(cases.find((c) => c.attributes.name === 'no-users')!.children[0]!.attributes.type).toBe('error');
    // Off for this run: skipped, not passed.
    expect(cases.find((c) => c.attributes.name === 'readability')!.children[0]!.name).toBe('skipped');
    // The good strategy passes every rule that ran.
    const goodCases = good!.children.filter((c) => c.name === 'testcase');
    expect(goodCases.filter((c) => c.children.length === 0)).toHaveLength(rules.length - 1);
    expect(good!.attributes).toMatchObject({ failures: '0', errors: '0', skipped: '1', tests: String(rules.length) });
    const failures = cases.filter((c) => c.children[0]?.name === 'failure').length;
    expect(root.attributes.failures).toBe(String(failures));
    expect(bad!.attributes.failures).toBe(String(failures));
  });

  it('escapes what XML cannot hold raw, and shows unreadable files and --fail-under as test cases', () => {
    const dir = tempDir();
    const name = 'R&D <draft> "v2".md';
    writeFileSync(join(dir, name), TRICKY.replace('# Plan', '# Plan for R&D <teams> & "partners"'));
    writeFileSync(join(dir, 'empty.md'), '');
    const r = stratlint([name, 'empty.md', '--format', 'junit', '--fail-under', '99'], { cwd: dir });
    expect(r.code).toBe(2);
    const root = parseXml(r.stdout);
    const [tricky, empty] = root.children;
    expect(tricky!.attributes.name).toBe(name);
    const score = tricky!.children.find((c) => c.attributes.name === 'score')!;
    expect(score.children[0]!.name).toBe('failure');
    expect(score.children[0]!.attributes.message).toMatch(/^Scores \d+, under the 99 it must reach$/);
    expect(empty!.children.filter((c) => c.name === 'testcase')).toHaveLength(1);
    expect(empty!.children[0]!.children[0]).toMatchObject({ name: 'error', attributes: { type: 'empty', message: 'File is empty' } });
    expect(root.attributes.errors).toBe('1');
  });
});

describe('--format markdown', () => {
  it('summarises documents, scores, signs and top findings as GitHub-flavoured Markdown', () => {
    const r = stratlint([BAD, GOOD, '--format', 'markdown', '--fail-under', '60']);
    expect(r.code).toBe(1);
    const json = JSON.parse(stratlint([BAD, GOOD, '--format', 'json']).stdout);
    const [bad, good] = json.files;
    const md = r.stdout;
    expect(md).toContain(`2 documents · 1 error · ${json.summary.warnings} warnings`);
    expect(md).toContain('| Document | Score | Errors | Warnings | Signs to work on |');
    expect(md).toContain(`| \`${BAD}\` | **${bad.scorecard.score}**/100 ✖ under 60 | 1 | ${bad.findings.length - 1} | ✖ user-centred missing · `);
    expect(md).toContain(`| \`${GOOD}\` | **${good.scorecard.score}**/100 | 0 | 0 | none |`);
    expect(md).toContain(`<summary><code>${BAD}</code>: ${bad.scorecard.score}/100, 1 error, ${bad.findings.length - 1} warnings</summary>`);
    // Each verdict says why: the measure and its cut points, then where the first finding is.
    expect(md).toContain(
      '| user-centred | ✖ missing | -12 of 12 | no-users: The strategy never says who its users are (patients, residents, staff…) (weight 2; missing from weight 1.5); first finding at 7:1 |',
    );
    expect(md).toMatch(
      /\| vague \| ◐ some \| -5 of 10 \| vague-goals: None of the 14 objectives .*\(weight [\d.]+; some from weight 0\.5\); \d+ of \d+ commitments have no measure, no date and no deliverable \(\d+%; strong from \d+%\); first finding at \d+:\d+ \|/,
    );
    // Errors come first among the top findings, and the rest are counted.
    expect(md).toMatch(/\| Where \| Severity \| Rule \| Finding \|\n\| --- \| --- \| --- \| --- \|\n\| 7:1 \| error \| `no-users` \|/);
    expect(md).toContain(`…and ${bad.findings.length - 10} more findings.`);
  });

  it('keeps table cells intact when the text holds | or markup', () => {
    const dir = tempDir();
    // The heading's text is "AI | blockchain <b>now</b> * 2040" (the Markdown escapes it).
    writeFileSync(join(dir, 'plan.md'), TRICKY.replace('## AI: 100% of services, by 2040', '## AI | blockchain \\<b\\>now\\</b\\> \\* 2040'));
    const md = stratlint(['plan.md', '--format', 'markdown'], { cwd: dir }).stdout;
    const row = md.split('\n').find((line) => line.includes('`hype-tech`') && line.includes('"AI" in a heading'))!;
    expect(row).toContain('"AI \\| blockchain &lt;b&gt;now&lt;/b&gt; \\* 2040"');
    // Five cells: the escaped pipe does not split one.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(4);
  });
});

describe('--format html', () => {
  it('says under each scorecard why each verdict: the measure and its cut points', () => {
    const r = stratlint([BAD, '--format', 'html']);
    const json = JSON.parse(stratlint([BAD, '--format', 'json']).stdout).files[0];
    expect(r.stdout).toContain('<details class="reasons" open><summary>Why these verdicts</summary><ul>');
    expect(r.stdout).toContain(
      '<li><strong>Wish list</strong> <span class="verdict-tag v1">some</span> 14 initiatives with no order, phasing or priority (the longest run has 14) (14; some from 10, strong from 25)</li>',
    );
    // Every sign's reason is there, escaped as HTML.
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
    for (const s of Object.values<any>(json.scorecard.signs)) expect(r.stdout).toContain(esc(s.reason));
  });
});

describe('--format json', () => {
  it('is JSON.stringify\'s two-space layout, written a document at a time, to standard output and to a file', () => {
    const dir = tempDir('stratlint-json-');
    for (const [i, name] of ['a.md', 'b.md', 'c.md'].entries()) copyFileSync(join(ROOT, i === 1 ? GOOD : BAD), join(dir, name));
    // None, one and several documents (an empty folder is one missing path), and a path that names nothing.
    for (const args of [['nothing.md'], ['a.md'], ['a.md', 'b.md', 'c.md', 'nothing.md']]) {
      const r = stratlint([...args, '--format', 'json'], { cwd: dir });
      const report = JSON.parse(r.stdout);
      expect(report.files.map((f: any) => f.path)).toEqual([...args].sort());
      expect(r.stdout).toBe(JSON.stringify(report, null, 2) + '\n');
      const written = stratlint([...args, '--format', 'json', '--output-file', 'report.json'], { cwd: dir });
      expect(written.code).toBe(r.code);
      expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(r.stdout);
    }
  });
});
