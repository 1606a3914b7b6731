// Hostile and odd files named .docx: each is one line naming the problem, with a stable code,
// exit code 2 from the CLI, the other files still linted, and no crash or runaway memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AdmZip from 'adm-zip';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from '../dist/src/engine/run.js';
import { BIN, ROOT, stratlint, tempDir } from './helpers.js';

const fixture = (name: string) => join(ROOT, 'fixtures', 'docx', name);
const good = readFileSync(fixture('riverside-pandoc.docx'));
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function zip(entries: Record<string, Buffer | string>, base?: Buffer): Buffer {
  const z = base ? new AdmZip(base) : new AdmZip();
  for (const [name, data] of Object.entries(entries)) {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data);
    if (z.getEntry(name)) z.updateFile(name, bytes);
    else z.addFile(name, bytes);
  }
  return z.toBuffer();
}

/** Rewrites the uncompressed size an entry declares, in its local and central headers. */
function declare(buffer: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(buffer);
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.toString('latin1', i + 30, i + 30 + out.readUInt16LE(i + 26)) === name) out.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && out.toString('latin1', i + 46, i + 46 + out.readUInt16LE(i + 28)) === name) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

/** Flips bytes in the middle of an entry's compressed data. */
function damage(buffer: Buffer, name: string): Buffer {
  const out = Buffer.from(buffer);
  for (let i = 0; i + 30 < out.length; i++) {
    if (out.readUInt32LE(i) !== 0x04034b50) continue;
    const nameLength = out.readUInt16LE(i + 26);
    if (out.toString('latin1', i + 30, i + 30 + nameLength) !== name) continue;
    const data = i + 30 + nameLength + out.readUInt16LE(i + 28);
    const size = out.readUInt32LE(i + 18);
    for (let j = data + (size >> 2); j < data + (size >> 2) + 64; j++) out[j] = out[j]! ^ 0x5a;
    return out;
  }
  throw new Error(`no ${name}`);
}

/** Bytes from a fixed seed, so "random" input is the same on every run. */
function noise(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** The first bytes of the compound file Word writes for a password-protected document. */
function encryptedWordFile(): Buffer {
  const out = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out);
  ['Root Entry', 'EncryptionInfo', 'EncryptedPackage'].forEach((name, i) => Buffer.from(name, 'utf16le').copy(out, 512 + i * 128));
  return out;
}

const laughs = `<?xml version="1.0"?>
<!DOCTYPE w:document [
  <!ENTITY a "lollollollollollollollollollol">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
  <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<w:document ${W}><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>`;
const externalEntity = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>`;
const emptyBody = `<?xml version="1.0"?><w:document ${W}><w:body><w:p/><w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p><w:sectPr/></w:body></w:document>`;

interface Case {
  file: string;
  bytes: () => Buffer;
  code: string;
  message: RegExp;
}

const MB = 1024 * 1024;
const CASES: Case[] = [
  { file: 'truncated.docx', bytes: () => good.subarray(0, good.length >> 1), code: 'docx-corrupt', message: /^File is a damaged or incomplete zip archive/ },
  { file: 'damaged-entry.docx', bytes: () => damage(good, 'word/document.xml'), code: 'docx-corrupt', message: /^word\/document\.xml .*damaged/ },
  { file: 'random-bytes.docx', bytes: () => noise(4096), code: 'docx-not-zip', message: /^File is not a Word document \(a \.docx is a zip archive/ },
  { file: 'plain-zip.docx', bytes: () => zip({ 'notes.txt': 'not a document' }), code: 'docx-not-word', message: /^File is a zip archive but not a Word document \(it has no word\/document\.xml\)$/ },
  { file: 'workbook.docx', bytes: () => zip({ 'xl/workbook.xml': '<workbook/>' }), code: 'docx-not-word', message: /looks like an Excel workbook/ },
  { file: 'bomb-declared.docx', bytes: () => zip({ 'word/document.xml': Buffer.alloc(70 * MB, 32) }), code: 'docx-zip-bomb', message: /^word\/document\.xml would inflate to 70 MB, over the 64 MB limit/ },
  { file: 'bomb-ratio.docx', bytes: () => zip({ 'word/document.xml': Buffer.alloc(40 * MB, 32) }), code: 'docx-zip-bomb', message: /^word\/document\.xml is compressed \d{3,}:1/ },
  { file: 'bomb-lying.docx', bytes: () => declare(zip({ 'word/document.xml': Buffer.alloc(10 * MB, 32) }), 'word/document.xml', 1000), code: 'docx-zip-bomb', message: /^word\/document\.xml inflates past the 1000 bytes its zip entry declares/ },
  { file: 'billion-laughs.docx', bytes: () => zip({ 'word/document.xml': laughs }, good), code: 'docx-dtd', message: /^word\/document\.xml declares a DTD/ },
  { file: 'external-entity.docx', bytes: () => zip({ 'word/document.xml': externalEntity }, good), code: 'docx-dtd', message: /^word\/document\.xml declares a DTD/ },
  { file: 'malformed-xml.docx', bytes: () => zip({ 'word/document.xml': `<w:document ${W}><w:body><w:p>` }, good), code: 'docx-xml', message: /^word\/document\.xml is not well-formed XML/ },
  { file: 'word97.docx', bytes: () => readFileSync(fixture('harbour-word97.doc')), code: 'docx-legacy', message: /Word 97–2003 .*save as \.docx$/ },
  { file: 'password.docx', bytes: encryptedWordFile, code: 'docx-encrypted', message: /^File is password-protected/ },
  { file: 'empty-document.docx', bytes: () => zip({ 'word/document.xml': emptyBody }, good), code: 'empty', message: /^Word document has no text/ },
  { file: 'zero-bytes.docx', bytes: () => Buffer.alloc(0), code: 'empty', message: /^File is empty$/ },
];

let dir: string;
beforeAll(() => {
  dir = tempDir('stratlint-hostile-');
  for (const c of CASES) writeFileSync(join(dir, c.file), c.bytes());
  writeFileSync(join(dir, 'good.docx'), good);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a hostile or odd .docx is one error on that file', () => {
  it.each(CASES)('$file: $code', async ({ file, code, message }) => {
    const result = await new Linter({ cwd: dir }).lintFile(join(dir, file));
    expect(result.findings).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.code).toBe(code);
    expect(result.errors[0]!.message).toMatch(message);
    expect(result.errors[0]!.message).not.toContain('\n');
  });
});

describe('through the real binary', () => {
  // Reports the process's peak memory on stderr as it exits.
  const peak = `data:text/javascript,${encodeURIComponent('process.on("exit", () => process.stderr.write(`peak-rss-kb ${process.resourceUsage().maxRSS}\\n`))')}`;

  it('exits 2, prints one line per bad file, still lints the good one, and stays small', () => {
    const run = spawnSync(process.execPath, ['--import', peak, BIN, ...CASES.map((c) => c.file), 'good.docx', '--format', 'json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as { files: Array<{ path: string; format: string | null; findings: unknown[]; errors: Array<{ code: string }> }> };
    const byPath = new Map(report.files.map((f) => [f.path, f]));
    expect(byPath.get('good.docx')).toMatchObject({ format: 'docx', errors: [] });
    expect(byPath.get('good.docx')!.findings.length).toBeGreaterThan(10);
    for (const c of CASES) expect(byPath.get(c.file)).toMatchObject({ format: null, findings: [], errors: [{ code: c.code }] });

    const lines = run.stderr.trim().split('\n');
    const [memory] = lines.splice(lines.findIndex((l) => l.startsWith('peak-rss-kb')), 1);
    expect(lines).toHaveLength(CASES.length);
    for (const c of CASES) {
      const line = lines.find((l) => l.startsWith(`stratlint: ${c.file}: `));
      expect(line, c.file).toBeDefined();
      expect(line!.slice(`stratlint: ${c.file}: `.length)).toMatch(c.message);
    }
    // Refusing 70 MB and 40 MB bombs and a lying entry must not cost their inflated size.
    expect(Number(memory!.split(' ')[1])).toBeLessThan(250 * 1024);
  });

  it('names the problem in the stylish report too', () => {
    const run = stratlint(['word97.docx', 'good.docx', '--no-color'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/word97\.docx\n +error +File is a Word 97–2003 \(\.doc\) document, not \.docx; open it in Word and save as \.docx  docx-legacy\n/);
    expect(run.stdout).toContain('¶8:1 (1. Our priorities › Objectives)');
  });
});

describe('the CLI on Word documents', () => {
  it('reports paragraph locations and heading paths in JSON, and exits 0 on warnings only', () => {
    const run = stratlint([fixture('harbour-libreoffice.docx'), '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const [file] = JSON.parse(run.stdout).files;
    expect(file).toMatchObject({ path: 'fixtures/docx/harbour-libreoffice.docx', format: 'docx', referenceDate: '2023-06-30', errors: [] });
    expect(file.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'vague-goals', line: 5, column: 1, endLine: 5, endColumn: 35, locator: '¶5:1 (Our approach)', headingPath: ['Our approach'] }),
    );
  });

  it('finds .docx in a folder and skips the lock file Word leaves beside an open document', () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder, { recursive: true });
    copyFileSync(fixture('harbour-libreoffice.docx'), join(folder, 'harbour.docx'));
    writeFileSync(join(folder, '~$harbour.docx'), noise(162));
    const run = stratlint([folder, '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).files.map((f: { path: string }) => f.path)).toEqual(['folder/harbour.docx']);
  });
});
