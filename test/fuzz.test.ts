// Fuzzing, bounded and seeded (issue 15, scope 8): structure bombs, floods of the tokens the
// rules look for, random Markdown from a small grammar and mutated Word documents, linted
// through the real command line. Each must end on its own with an exit code of 0, 1 or 2, a
// report in which every document has findings or its one error, and no stack trace or crash.
// The seed is in each test's name; STRATLINT_FUZZ_SEED=<n> replays a failure.
import { describe, expect, it } from 'vitest';
import AdmZip from 'adm-zip';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, tempDir } from './helpers.js';

const SEED = Number(process.env['STRATLINT_FUZZ_SEED'] ?? 20261206);
const HANG = 240_000;

/** mulberry32: small, seeded, the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!;

// What the rules look for: dates, horizons, measures, hype, users, commitments, acronyms.
const TOKENS = [
  'by 2030', '2024-2034', 'FY2025/26', 'within 10 years', 'Q3 2027', '10%', '£4.5m', '1,200', 'AI', 'blockchain',
  'the metaverse', 'residents', 'patients', 'staff', 'we will', 'must', 'told us', 'need', 'NHS', 'GDS', '(GDS)',
  'Digital Strategy', 'Council Plan', 'every year', 'review', 'synergy', 'toil', 'transform', 'cloud', 'Microsoft',
  'vendor lock-in', 'principles', 'mission', 'trade-off', 'we will not', 'co-design', '19', '%', '—', '…', '"', '’',
];
const WORDS = ['the', 'council', 'will', 'improve', 'services', 'for', 'people', 'and', 'digital', 'data', 'by', 'to', 'with', 'our', 'plan', 'a', 'of'];

function sentence(rng: Rng): string {
  const n = 3 + int(rng, 18);
  const words = Array.from({ length: n }, () => (rng() < 0.25 ? pick(rng, TOKENS) : pick(rng, WORDS)));
  return `${words.join(' ')}${pick(rng, ['.', '.', '?', '!', '', ':', ';'])}`;
}

function inline(rng: Rng): string {
  const s = sentence(rng);
  switch (int(rng, 8)) {
    case 0:
      return `**${s}**`;
    case 1:
      return `_${s}_`;
    case 2:
      return `[${s}](https://example.org/${int(rng, 100)})`;
    case 3:
      return `\`${s}\``;
    case 4:
      return `${s} <!-- stratlint-disable-next-line ${pick(rng, ['hype-tech', 'vague-goals', 'nonsense-rule', ''])} -->`;
    default:
      return s;
  }
}

/** Random Markdown from a small grammar of blocks. */
function grammarDocument(rng: Rng): string {
  const blocks: string[] = [];
  if (rng() < 0.5) blocks.push(`---\ndate: ${pick(rng, ['2025-01-01', '2031-13-40', 'soon', '[1, 2]', ''])}\ntitle: ${sentence(rng)}\n---`);
  const count = 1 + int(rng, 30);
  for (let i = 0; i < count; i++) {
    switch (int(rng, 9)) {
      case 0:
        blocks.push(`${'#'.repeat(1 + int(rng, 6))} ${inline(rng)}`);
        break;
      case 1:
      case 2: {
        const marker = pick(rng, ['-', '*', '1.', '+']);
        blocks.push(Array.from({ length: 1 + int(rng, 12) }, (_, j) => `${'  '.repeat(int(rng, 3) * (j > 0 ? 1 : 0))}${marker} ${inline(rng)}`).join('\n'));
        break;
      }
      case 3: {
        const cols = 1 + int(rng, 5);
        const row = () => `| ${Array.from({ length: cols }, () => inline(rng)).join(' | ')} |`;
        blocks.push([row(), `|${' --- |'.repeat(cols)}`, ...Array.from({ length: int(rng, 6) }, row)].join('\n'));
        break;
      }
      case 4:
        blocks.push(`> ${inline(rng)}\n> ${inline(rng)}`);
        break;
      case 5:
        blocks.push('```\n' + sentence(rng) + '\n```');
        break;
      case 6:
        blocks.push(pick(rng, ['---', '***', '<div>', '<!-- stratlint-disable -->', '[^1]: a note', '- [ ] a task']));
        break;
      default:
        blocks.push(Array.from({ length: 1 + int(rng, 5) }, () => inline(rng)).join(' '));
    }
  }
  return `${blocks.join(pick(rng, ['\n\n', '\n', '\r\n\r\n']))}\n`;
}

/** Shapes that strain a parser or a tree walk, at sizes drawn around the hard limits. */
function bombDocument(rng: Rng): string {
  const n = 500 + int(rng, 20_000);
  switch (int(rng, 10)) {
    case 0:
      return `${'- '.repeat(n)}x\n`;
    case 1:
      return Array.from({ length: Math.min(n, 400) }, (_, i) => `${'>'.repeat(i + 1)} ${sentence(rng)}`).join('\n');
    case 2:
      return `${'*a '.repeat(n)}x${'*'.repeat(n)}\n`;
    case 3:
      return `# T\n\n${'[a'.repeat(n)}${'](u)'.repeat(n)}\n`;
    case 4:
      return Array.from({ length: n }, (_, i) => `${'#'.repeat(1 + (i % 6))} ${i}`).join('\n');
    case 5:
      return Array.from({ length: Math.min(n, 300) }, (_, i) => `${'  '.repeat(i)}- ${sentence(rng)}`).join('\n');
    case 6:
      return `# T\n\n${Array.from({ length: n * 3 }, () => pick(rng, WORDS)).join(' ')}\n`;
    case 7:
      return `| ${'a | '.repeat(Math.min(n, 2000))}\n|${' - |'.repeat(Math.min(n, 2000))}\n`;
    case 8:
      return `${'_*'.repeat(n)}x${'*_'.repeat(n)}\n`;
    default:
      return `${'<!-- '.repeat(n)}${'`'.repeat(int(rng, 20))}${'\\'.repeat(n)}\n`;
  }
}

/** A flood of the tokens the rules look for, with little else. */
function floodDocument(rng: Rng): string {
  const token = pick(rng, TOKENS);
  const n = 200 + int(rng, 5000);
  const sep = pick(rng, [' ', '\n', '\n\n', ', ', '. ', '\n- ']);
  return `# ${pick(rng, TOKENS)}\n\n${Array.from({ length: n }, () => (rng() < 0.8 ? token : pick(rng, TOKENS))).join(sep)}\n`;
}

const GOOD_DOCX = readFileSync(join(ROOT, 'fixtures', 'docx', 'riverside-pandoc.docx'));

/** A fixture .docx with its main part or its zip bytes damaged in a few random ways. */
function mutatedDocx(rng: Rng): Buffer {
  if (rng() < 0.4) {
    // The zip itself: bytes flipped, cut or repeated.
    const bytes = Buffer.from(GOOD_DOCX);
    const edits = 1 + int(rng, 8);
    for (let i = 0; i < edits; i++) bytes[int(rng, bytes.length)] = int(rng, 256);
    return rng() < 0.3 ? bytes.subarray(0, int(rng, bytes.length)) : bytes;
  }
  const zip = new AdmZip(GOOD_DOCX);
  let xml = zip.readAsText('word/document.xml');
  const edits = 1 + int(rng, 6);
  for (let i = 0; i < edits; i++) {
    const at = int(rng, xml.length);
    switch (int(rng, 5)) {
      case 0:
        xml = xml.slice(0, at) + xml.slice(at + int(rng, 200));
        break;
      case 1: {
        const from = int(rng, xml.length);
        xml = xml.slice(0, at) + xml.slice(from, from + int(rng, 2000)) + xml.slice(at);
        break;
      }
      case 2:
        xml = xml.slice(0, at) + pick(rng, ['<w:tbl><w:tr><w:tc>'.repeat(int(rng, 400)), '<w:p>', '</w:body>', '&amp;', '<!DOCTYPE x>', '\u0000', '<w:t>', '"']) + xml.slice(at);
        break;
      case 3:
        xml = xml.replace(/<w:t>([^<]*)<\/w:t>/, `<w:t>${floodDocument(rng).slice(0, 5000).replace(/[<&]/g, ' ')}</w:t>`);
        break;
      default:
        xml = xml.slice(0, at);
    }
  }
  zip.updateFile('word/document.xml', Buffer.from(xml));
  return zip.toBuffer();
}

interface Report {
  files: Array<{ path: string; findings: unknown[]; errors: Array<{ code: string; message: string }> }>;
}

/** Lints a folder of generated documents and checks each outcome is bounded. */
function lintFolder(name: string, documents: Array<[string, string | Buffer]>, jobs: string): void {
  const dir = join(tempDir(`stratlint-fuzz-${name}-`), 'docs');
  mkdirSync(dir);
  for (const [file, content] of documents) writeFileSync(join(dir, file), content);
  const r = spawnSync(process.execPath, [BIN, dir, '--format', 'json', '--jobs', jobs, '--no-progress'], { encoding: 'utf8', timeout: HANG, maxBuffer: 512 * 1024 * 1024 });
  const where = `seed ${SEED}, documents in ${dir}`;
  expect(r.signal, where).toBe(null);
  expect([0, 1, 2], `${where}: exit ${r.status}\n${r.stderr.slice(0, 2000)}`).toContain(r.status);
  expect(r.stderr, where).not.toMatch(/^\s+at |Maximum call stack|FATAL ERROR|Error: /m);
  const report = JSON.parse(r.stdout) as Report;
  expect(report.files, where).toHaveLength(documents.length);
  for (const file of report.files) {
    // Findings, or exactly one line saying why the document could not be linted.
    if (file.errors.length > 0) {
      for (const error of file.errors) expect(error.message, `${where}: ${file.path}`).not.toMatch(/\n/);
    }
  }
  // Every file error is also one line on standard error, naming the file.
  const errorLines = r.stderr.split('\n').filter((l) => l.startsWith('stratlint: '));
  expect(errorLines.length, where).toBe(report.files.reduce((n, f) => n + f.errors.length, 0));
}

describe(`fuzzing (seed ${SEED})`, { timeout: HANG + 30_000 }, () => {
  it('random Markdown from a grammar, 60 documents', () => {
    const rng = random(SEED);
    lintFolder('grammar', Array.from({ length: 60 }, (_, i) => [`g${i}.md`, grammarDocument(rng)]), '1');
  });

  it('structure bombs, 24 documents', () => {
    const rng = random(SEED + 1);
    lintFolder('bombs', Array.from({ length: 24 }, (_, i) => [`b${i}.md`, bombDocument(rng)]), '1');
  });

  it('floods of the tokens rules look for, 24 documents, in a pool', () => {
    const rng = random(SEED + 2);
    lintFolder('floods', Array.from({ length: 24 }, (_, i) => [`f${i}.md`, floodDocument(rng)]), '2');
  });

  it('mutated Word documents, 40 of them', () => {
    const rng = random(SEED + 3);
    lintFolder('docx', Array.from({ length: 40 }, (_, i) => [`d${i}.docx`, mutatedDocx(rng)]), '1');
  });
});
