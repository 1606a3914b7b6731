// --annotate on the Word fixtures, through the real binary: the reviewed copy's comments as
// pandoc reads them, what else in the package changes (nothing but the expected parts), the
// round trip (same findings from the copy; annotating twice; a resolved or answered comment),
// and the refusals that keep stratlint from writing over what it reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AdmZip from 'adm-zip';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileResult } from '../dist/src/core/types.js';
import { docxDocument } from '../dist/src/formats/docx/index.js';
import { ROOT, stratlint, tempDir } from './helpers.js';
import { changedEntries, collapse, expectReview, pandocComments } from './support/docx-review.js';
// @ts-expect-error: a plain JavaScript helper, shared with scripts/make-docx-fixtures.js.
import { pandocVersion } from '../scripts/docx-convert.js';

const fixture = (name: string) => join(ROOT, 'fixtures', 'docx', name);
const hash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const hasPandoc = Boolean(pandocVersion());
if (!hasPandoc && process.env['CI'] === 'true') throw new Error('annotate: pandoc is not installed (.ci/run installs it)');

let work: string;
beforeAll(() => {
  work = tempDir('stratlint-annotate-');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Lints `file` as JSON from `cwd`, the one file's result. */
function lintJson(file: string, cwd = work): { result: FileResult; json: string } {
  const ran = stratlint([file, '-f', 'json'], { cwd });
  expect(ran.stderr).toBe('');
  return { result: (JSON.parse(ran.stdout) as { files: FileResult[] }).files[0]!, json: ran.stdout };
}

/** The result with offsets (which JSON leaves out), as the annotation used it. */
async function lintInProcess(file: string): Promise<FileResult> {
  const { Linter } = await import('../dist/src/engine/run.js');
  return new Linter({ cwd: work }).lintFile(file);
}

const FIXTURES = [
  { name: 'riverside-pandoc.docx', changed: ['word/comments.xml', 'word/document.xml'] },
  { name: 'riverside-libreoffice.docx', changed: ['word/comments.xml', 'word/document.xml'] },
  // No comments part before: one is added, with its relationship and content type.
  { name: 'harbour-libreoffice.docx', changed: ['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/comments.xml', 'word/document.xml'] },
];

describe.skipIf(!hasPandoc).each(FIXTURES)('$name annotated', ({ name, changed }) => {
  let input: string;
  let copy: string;
  let ran: ReturnType<typeof stratlint>;
  beforeAll(() => {
    input = join(work, name);
    copyFileSync(fixture(name), input);
    copy = join(work, `${name}.reviewed.docx`);
    ran = stratlint([name, '--annotate', copy], { cwd: work });
  });

  it('writes the copy, says so on stderr, and exits as the lint does; the input is untouched', () => {
    const plain = stratlint([name], { cwd: work });
    expect(ran.code).toBe(plain.code);
    expect(ran.stdout).toBe(plain.stdout);
    expect(ran.stderr).toBe(`stratlint: wrote ${name}.reviewed.docx\n`);
    expect(hash(input)).toBe(hash(fixture(name)));
  });

  it('has one stratlint comment per finding, on its exact text, plus the scorecard on the title', async () => {
    const result = await lintInProcess(input);
    const text = docxDocument(name, readFileSync(input)).text;
    expect(result.findings.length).toBeGreaterThan(0);
    expectReview(copy, result, text);
  });

  it('changes only the body and the comments part (and, for a new part, its relationship and content type)', () => {
    expect(changedEntries(input, copy)).toEqual(changed);
    // Tracked changes, fields and footnote references in the body are all still there (an
    // insertion a comment starts inside is split in two, by the same author at the same time).
    const body = (file: string) => new AdmZip(readFileSync(file)).readAsText('word/document.xml');
    for (const element of ['<w:del ', '<w:fldChar ', '<w:instrText', '<w:footnoteReference ', '<w:hyperlink ', '<w:tbl>']) {
      expect(body(copy).split(element).length, element).toBe(body(input).split(element).length);
    }
    const insertions = (xml: string) =>
      [...xml.matchAll(/<w:ins ([^>]*)>([\s\S]*?)<\/w:ins>/g)].map((m) => [m[1]!.replace(/w:id="\d+"/, ''), [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)</g)].map((t) => t[1]).join('')]);
    const joined = (list: string[][]) => [...new Set(list.map(([who]) => who))].map((who) => [who, list.filter(([w]) => w === who).map(([, t]) => t).join('')]);
    expect(joined(insertions(body(copy)))).toEqual(joined(insertions(body(input))));
  });

  it('keeps the comments already there, on the same text', () => {
    const others = (file: string) => pandocComments(file).filter((c) => c.author !== 'stratlint');
    expect(others(copy)).toEqual(others(input));
  });

  it('lints to the same JSON as the original, apart from the path', () => {
    const original = lintJson(name).json;
    const reviewed = lintJson(`${name}.reviewed.docx`).json;
    expect(reviewed.split(`${name}.reviewed.docx`).join(name)).toBe(original);
  });

  it('annotated again, gives the same comments and the same package', () => {
    const again = join(work, `${name}.twice.docx`);
    const second = stratlint([`${name}.reviewed.docx`, '--annotate', again], { cwd: work });
    expect(second.stderr).toBe(`stratlint: wrote ${name}.twice.docx\n`);
    expect(pandocComments(again)).toEqual(pandocComments(copy));
    expect(changedEntries(copy, again)).toEqual([]);
  });
});

// Word marks a resolved comment "done" in commentsExtended.xml, keyed by the paraId of the
// comment's last paragraph, and writes an entry for every comment when it saves.
const W15 = 'http://schemas.microsoft.com/office/word/2012/wordml';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

interface PartComment {
  id: string;
  author: string;
  text: string;
  lastParaId: string;
}

function partComments(xml: string): PartComment[] {
  return [...xml.matchAll(/<w:comment\b([^>]*)>([\s\S]*?)<\/w:comment>/g)].map((m) => ({
    id: /w:id="([^"]*)"/.exec(m[1]!)![1]!,
    author: /w:author="([^"]*)"/.exec(m[1]!)![1]!,
    text: [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(' '),
    lastParaId: [...m[2]!.matchAll(/w14:paraId="([^"]*)"/g)].at(-1)?.[1] ?? '',
  }));
}

/**
 * What Word writes when the author resolves `resolved` and answers `answered` with `reply`:
 * commentsExtended.xml (with its relationship and content type), and for the answer a comment
 * whose range and reference sit beside its parent's.
 */
function editAsWord(copy: Buffer, edits: { resolved?: string; answered?: string; reply?: string; replyMarks?: boolean }): Buffer {
  const zip = new AdmZip(copy);
  let comments = zip.readAsText('word/comments.xml');
  let body = zip.readAsText('word/document.xml');
  const list = partComments(comments);
  const states = list.map((c) => `<w15:commentEx w15:paraId="${c.lastParaId}" w15:done="${c.lastParaId === edits.resolved ? 1 : 0}"/>`);
  if (edits.answered && edits.reply) {
    const parent = list.find((c) => c.lastParaId === edits.answered)!;
    comments = comments.replace(
      /<\/w:comments>$/,
      `<w:comment w:id="900" w:author="Dana Author" w:date="2024-03-05T10:00:00Z" w:initials="DA"><w:p w14:paraId="0A0A0A0A"><w:r><w:t xml:space="preserve">${edits.reply}</w:t></w:r></w:p></w:comment></w:comments>`,
    );
    if (edits.replyMarks !== false) {
      // Word puts an answer's marks beside those of the comment it answers.
      body = body
        .replace(`<w:commentRangeStart w:id="${parent.id}"/>`, (m) => `${m}<w:commentRangeStart w:id="900"/>`)
        .replace(`<w:commentReference w:id="${parent.id}"/></w:r>`, (m) => `${m}<w:commentRangeEnd w:id="900"/><w:r><w:commentReference w:id="900"/></w:r>`);
    }
    states.push(`<w15:commentEx w15:paraId="0A0A0A0A" w15:paraIdParent="${edits.answered}" w15:done="0"/>`);
  }
  zip.updateFile('word/comments.xml', Buffer.from(comments));
  zip.updateFile('word/document.xml', Buffer.from(body));
  zip.addFile('word/commentsExtended.xml', Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w15:commentsEx xmlns:mc="${MC}" xmlns:w15="${W15}" mc:Ignorable="w15">${states.join('')}</w15:commentsEx>`));
  const rels = zip.readAsText('word/_rels/document.xml.rels');
  zip.updateFile(
    'word/_rels/document.xml.rels',
    Buffer.from(rels.replace('</Relationships>', '<Relationship Id="rId90" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>')),
  );
  const types = zip.readAsText('[Content_Types].xml');
  zip.updateFile(
    '[Content_Types].xml',
    Buffer.from(types.replace('</Types>', '<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>')),
  );
  return zip.toBuffer();
}

describe.skipIf(!hasPandoc)('the author answers the review in Word', () => {
  let original: FileResult;
  let comments: PartComment[];
  const commentOn = (needle: string) => comments.find((c) => c.author === 'stratlint' && c.text.includes(needle) && c.text.includes('vague-goals'))!;

  beforeAll(() => {
    copyFileSync(fixture('riverside-pandoc.docx'), join(work, 'answered.docx'));
    expect(stratlint(['answered.docx', '--annotate', 'answered.reviewed.docx'], { cwd: work }).code).toBe(0);
    original = lintJson('answered.docx').result;
    comments = partComments(new AdmZip(readFileSync(join(work, 'answered.reviewed.docx'))).readAsText('word/comments.xml'));
  });

  it('a resolved stratlint comment drops its finding, and only that one, on the next run', () => {
    const resolved = commentOn('We will transform how we use data.');
    writeFileSync(join(work, 'resolved.docx'), editAsWord(readFileSync(join(work, 'answered.reviewed.docx')), { resolved: resolved.lastParaId }));
    const after = lintJson('resolved.docx').result;
    const gone = original.findings.filter((f) => !after.findings.some((g) => g.message === f.message && g.line === f.line && g.ruleId === f.ruleId));
    const target = original.findings.filter((f) => f.ruleId === 'vague-goals' && f.line === 22);
    expect(target).toHaveLength(1);
    expect(resolved.text).toContain(target[0]!.message);
    expect(gone).toEqual(target);
    expect(after.findings).toHaveLength(original.findings.length - 1);
    expect(after.errors).toEqual([]);
  });

  it('annotating the resolved copy keeps the resolved comment, replaces the others, and adds no duplicate', () => {
    const ran = stratlint(['resolved.docx', '--annotate', 'resolved.reviewed.docx'], { cwd: work });
    expect(ran.stderr).toBe('stratlint: wrote resolved.reviewed.docx\n');
    const read = pandocComments(join(work, 'resolved.reviewed.docx')).filter((c) => c.author === 'stratlint');
    const after = lintJson('resolved.docx').result;
    // The new review (findings + scorecard) and the one the author resolved.
    expect(read).toHaveLength(after.findings.length + 2);
    expect(read.filter((c) => c.paragraphs.some((p) => p.includes('"We will transform how we use data."')))).toHaveLength(1);
    expect(read.filter((c) => c.paragraphs[0]!.startsWith('stratlint scores'))).toHaveLength(1);
    // And it stays accepted.
    expect(lintJson('resolved.reviewed.docx').result.findings).toEqual(after.findings.map((f) => ({ ...f })));
    // commentsExtended.xml keeps the states of the comments that stay, and only those.
    const zip = new AdmZip(readFileSync(join(work, 'resolved.reviewed.docx')));
    const paraIds = new Set(partComments(zip.readAsText('word/comments.xml')).map((c) => c.lastParaId));
    const states = [...zip.readAsText('word/commentsExtended.xml').matchAll(/w15:paraId="([^"]+)" w15:done="(\d)"/g)].map((m) => [m[1]!, m[2]!]);
    expect(states.filter(([, done]) => done === '1').map(([id]) => id)).toEqual([commentOn('We will transform how we use data.').lastParaId]);
    expect(states.every(([id]) => paraIds.has(id))).toBe(true);
  });

  it('an answer with no marks of its own in the body covers what the comment it answers covers', () => {
    const answered = commentOn('Modernise the website');
    const edited = editAsWord(readFileSync(join(work, 'answered.reviewed.docx')), {
      answered: answered.lastParaId,
      reply: 'stratlint-disable vague-goals -- being replaced anyway',
      replyMarks: false,
    });
    writeFileSync(join(work, 'replied-unmarked.docx'), edited);
    const after = lintJson('replied-unmarked.docx').result;
    expect(after.findings.filter((f) => f.ruleId === 'vague-goals' && f.message.includes('"Modernise the website"'))).toEqual([]);
    expect(after.findings).toHaveLength(original.findings.length - 1);
  });

  it('an answer starting "stratlint-disable" is a directive on the passage, as any Word comment is', () => {
    const answered = commentOn('Modernise the website');
    const edited = editAsWord(readFileSync(join(work, 'answered.reviewed.docx')), {
      answered: answered.lastParaId,
      reply: 'Stratlint-disable vague-goals – the website is being replaced anyway',
    });
    writeFileSync(join(work, 'replied.docx'), edited);
    const after = lintJson('replied.docx').result;
    expect(after.errors).toEqual([]);
    expect(original.findings.some((f) => f.ruleId === 'vague-goals' && f.message.includes('"Modernise the website"'))).toBe(true);
    expect(after.findings.filter((f) => f.ruleId === 'vague-goals' && f.message.includes('"Modernise the website"'))).toEqual([]);
    expect(after.findings).toHaveLength(original.findings.length - 1);
    // Annotated again: the answered comment and its answer stay; the rest is replaced, nothing doubled.
    expect(stratlint(['replied.docx', '--annotate', 'replied.reviewed.docx'], { cwd: work }).stderr).toBe('stratlint: wrote replied.reviewed.docx\n');
    const read = pandocComments(join(work, 'replied.reviewed.docx'));
    expect(read.filter((c) => c.author === 'Dana Author').map((c) => c.anchored)).toEqual(['Modernise the website']);
    expect(read.filter((c) => c.author === 'stratlint')).toHaveLength(after.findings.length + 2);
  });
});

describe.skipIf(!hasPandoc)('ranges inside a run, and text XML must escape', () => {
  it('splits the run where a range starts and ends mid-word, escaping both halves and the comment', async () => {
    const { DocxAnnotation } = await import('../dist/src/formats/docx/annotate.js');
    const { pandoc } = await import('../scripts/docx-convert.js');
    writeFileSync(join(work, 'escape.md'), '# Plan\n\nWe will grow R&D \\<spending\\> by 20% by 2026.\n');
    const input = pandoc(join(work, 'escape.md'), join(work, 'escape.docx'), { from: 'commonmark' }) as string;
    const annotation = new DocxAnnotation(readFileSync(input));
    const start = annotation.text.indexOf('D <sp');
    expect(start).toBeGreaterThan(0);
    const out = join(work, 'escape.reviewed.docx');
    writeFileSync(out, annotation.write([{ start, end: start + 'D <sp'.length, paragraphs: ['Says <b>&amp; "q" \u0001here', 'second'] }]));
    const [comment] = pandocComments(out);
    expect(comment).toEqual({ id: expect.any(String), author: 'stratlint', paragraphs: ['Says <b>&amp; "q" here', 'second'], anchored: 'D <sp' });
    expect(docxDocument(out, readFileSync(out)).text).toBe(annotation.text);
  });
});

describe('refusing to write over what is read', () => {
  let input: string;
  let before: string;
  beforeAll(() => {
    input = join(work, 'plan.docx');
    copyFileSync(fixture('riverside-pandoc.docx'), input);
    before = hash(input);
  });
  afterAll(() => expect(hash(input)).toBe(before));

  it('an output that exists is refused in one line, exit 2, unless --force', () => {
    writeFileSync(join(work, 'taken.docx'), 'mine');
    const ran = stratlint(['plan.docx', '--annotate', 'taken.docx'], { cwd: work });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe('stratlint: taken.docx already exists; give --force to replace it\n');
    expect(readFileSync(join(work, 'taken.docx'), 'utf8')).toBe('mine');
    const forced = stratlint(['plan.docx', '--annotate', 'taken.docx', '--force'], { cwd: work });
    expect(forced.code).toBe(0);
    expect(docxDocument('taken.docx', readFileSync(join(work, 'taken.docx'))).text).toBe(docxDocument('plan.docx', readFileSync(input)).text);
  });

  it.each([
    ['the input itself', () => input],
    ['a hard link to the input', () => (linkSync(input, join(work, 'hard.docx')), join(work, 'hard.docx'))],
    ['a symbolic link to the input', () => (symlinkSync(input, join(work, 'soft.docx')), join(work, 'soft.docx'))],
  ])('%s is refused, even with --force', (_, target) => {
    const ran = stratlint(['plan.docx', '--annotate', target(), '--force'], { cwd: work });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^stratlint: refusing to write the annotated copy over .+, which is a document being linted\n$/);
    expect(hash(input)).toBe(before);
  });

  it('a Markdown document named alone is not annotated: one line, exit 2', () => {
    copyFileSync(join(ROOT, 'fixtures', 'strategies', 'northshire-ten-year-vision.md'), join(work, 'notes.md'));
    const ran = stratlint(['notes.md', '--annotate', 'notes.docx'], { cwd: work });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe('stratlint: notes.md: not annotated: only Word documents (.docx) can carry review comments, and this is Markdown\n');
    expect(existsSync(join(work, 'notes.docx'))).toBe(false);
  });

  it('`init --force` is still init\'s own option, beside the lint\'s --force', () => {
    const dir = join(work, 'init');
    mkdirSync(dir);
    expect(stratlint(['init'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, '.stratlintrc.yml'), 'rules: {}\n');
    expect(stratlint(['init', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, '.stratlintrc.yml'), 'utf8')).not.toBe('rules: {}\n');
  });

  it('--annotate with --stdin is a usage error', () => {
    const ran = stratlint(['--stdin', '--stdin-filename', 'x.docx', '--annotate', 'y.docx'], { cwd: work, input: readFileSync(input) });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe('stratlint: --annotate needs the document as a path, not --stdin\n');
  });
});

describe('a folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = join(work, 'folder');
    mkdirSync(join(dir, 'plans', 'older'), { recursive: true });
    copyFileSync(fixture('riverside-pandoc.docx'), join(dir, 'plans', 'riverside.docx'));
    copyFileSync(fixture('harbour-libreoffice.docx'), join(dir, 'plans', 'older', 'harbour.docx'));
    copyFileSync(join(ROOT, 'fixtures', 'strategies', 'northshire-ten-year-vision.md'), join(dir, 'plans', 'northshire.md'));
  });

  it('gets <name>.reviewed.docx per Word document in the same layout; Markdown is skipped in one line', () => {
    const plain = stratlint(['plans'], { cwd: dir });
    const ran = stratlint(['plans', '--annotate', 'reviewed'], { cwd: dir });
    expect(ran.code).toBe(plain.code);
    expect(ran.stdout).toBe(plain.stdout);
    expect(ran.stderr.split('\n')).toEqual([
      'stratlint: plans/northshire.md: not annotated: only Word documents (.docx) can carry review comments, and this is Markdown',
      'stratlint: wrote reviewed/older/harbour.reviewed.docx',
      'stratlint: wrote reviewed/riverside.reviewed.docx',
      '',
    ]);
    for (const [out, source] of [['reviewed/riverside.reviewed.docx', 'plans/riverside.docx'], ['reviewed/older/harbour.reviewed.docx', 'plans/older/harbour.docx']]) {
      expect(docxDocument(out!, readFileSync(join(dir, out!))).text).toBe(docxDocument(source!, readFileSync(join(dir, source!))).text);
    }
    expect(existsSync(join(dir, 'reviewed', 'northshire.reviewed.docx'))).toBe(false);
  });

  it('run again, refuses each copy that exists (exit 2) unless --force', () => {
    const ran = stratlint(['plans', '--annotate', 'reviewed'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('stratlint: reviewed/riverside.reviewed.docx already exists; give --force to replace it\n');
    expect(ran.stderr).toContain('stratlint: reviewed/older/harbour.reviewed.docx already exists; give --force to replace it\n');
    expect(stratlint(['plans', '--annotate', 'reviewed', '--force'], { cwd: dir }).code).not.toBe(2);
  });

  it('with worker threads (--jobs 2), writes the same copies byte for byte', () => {
    expect(stratlint(['plans', '--annotate', 'by-workers', '--jobs', '2'], { cwd: dir }).stderr).toContain('stratlint: wrote by-workers/riverside.reviewed.docx\n');
    for (const out of ['riverside.reviewed.docx', 'older/harbour.reviewed.docx']) {
      expect(readFileSync(join(dir, 'by-workers', out)).equals(readFileSync(join(dir, 'reviewed', out))), out).toBe(true);
    }
  });

  it('--annotate naming a file, with a folder to lint, is refused', () => {
    writeFileSync(join(dir, 'afile'), '');
    const ran = stratlint(['plans', '--annotate', 'afile'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^stratlint: --annotate afile is a file; with a folder/);
  });

  it('the same text in a copy: comments do not change what is linted', () => {
    const a = lintJson('plans/riverside.docx', dir).json;
    const b = lintJson('reviewed/riverside.reviewed.docx', dir).json;
    expect(collapse(b.split('reviewed/riverside.reviewed.docx').join('plans/riverside.docx'))).toBe(collapse(a));
  });
});
