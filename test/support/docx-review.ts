// Reading an annotated Word document back the way other programs do: pandoc for the comments
// and the text each is anchored on, adm-zip for the package's entries.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AdmZip from 'adm-zip';
import type { FileResult, Finding } from '../../dist/src/core/types.js';
import { quote } from '../../dist/src/core/rule.js';
import { SIGN_LABELS } from '../../dist/src/reporters/html.js';
import { windows1252Controls } from '../../dist/src/formats/text.js';
import { expect } from 'vitest';

export interface ReadComment {
  id: string;
  author: string;
  /** The comment's paragraphs (pandoc joins them with "¶"). */
  paragraphs: string[];
  /** The document text between the comment's start and end, white space collapsed. */
  anchored: string;
}

type Json = unknown;

const plain = (inlines: Json): string => {
  let out = '';
  const walk = (node: Json) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const { t, c } = node as { t?: string; c?: Json };
    if (t === 'Str') out += c as string;
    else if (t === 'Space' || t === 'SoftBreak' || t === 'LineBreak') out += ' ';
    else walk(c);
  };
  walk(inlines);
  return out;
};

// A soft hyphen (Word's w:softHyphen, which pandoc reads as U+00AD) is invisible until a line breaks there.
export const collapse = (text: string) => text.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();

/** Every comment pandoc reads (with --track-changes=all), in document order. */
export function pandocComments(file: string): ReadComment[] {
  const run = spawnSync('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'json', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`pandoc could not read ${file}: ${run.stderr}`);
  const ast = JSON.parse(run.stdout) as { meta: Record<string, Json>; blocks: Json };
  const open = new Map<string, { comment: ReadComment; text: string }>();
  const all: Array<{ comment: ReadComment; text: string }> = [];
  const add = (s: string) => {
    for (const o of open.values()) o.text += s;
  };
  const walk = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const { t, c } = node as { t?: string; c?: Json };
    switch (t) {
      case 'Str':
        return add(c as string);
      case 'Space':
      case 'SoftBreak':
      case 'LineBreak':
        return add(' ');
      case 'Note':
        return; // footnotes: not part of the text stratlint reads
      case 'Span': {
        const [[, classes, attrs], content] = c as [[string, string[], Array<[string, string]>], Json];
        const attr = (name: string) => attrs.find(([k]) => k === name)?.[1] ?? '';
        if (classes.includes('comment-start')) {
          const entry = { comment: { id: attr('id'), author: attr('author'), paragraphs: plain(content).split(/\s*¶\s*/).map(collapse), anchored: '' }, text: '' };
          open.set(entry.comment.id, entry);
          all.push(entry);
          return;
        }
        if (classes.includes('comment-end')) {
          open.delete(attr('id'));
          return walk(content);
        }
        if (classes.includes('deletion')) return; // tracked deletions are not in the text
        return walk(content);
      }
      case 'Para':
      case 'Plain':
      case 'Header':
        add(' ');
        walk(c);
        return add(' ');
      default:
        walk(c);
    }
  };
  for (const value of Object.values(ast.meta)) {
    add(' ');
    walk(value);
  }
  walk(ast.blocks);
  return all.map(({ comment, text }) => ({ ...comment, anchored: collapse(text) }));
}

/** Each entry's name and inflated bytes. */
export function zipEntries(file: string): Map<string, Buffer> {
  const zip = new AdmZip(readFileSync(file));
  return new Map(zip.getEntries().filter((e) => !e.isDirectory).map((e) => [e.entryName, e.getData()]));
}

/** The entries whose bytes differ, or that only one of the two packages has. */
export function changedEntries(before: string, after: string): string[] {
  const a = zipEntries(before);
  const b = zipEntries(after);
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !a.has(n) || !b.has(n) || !a.get(n)!.equals(b.get(n)!)).sort();
}

/**
 * What the issue asks of an annotated copy, read back by pandoc: the findings plus one comments
 * by stratlint (the scorecard first, on the title), each finding's on exactly the text of its
 * range, saying its message, its evidence when that is not the text commented on, its fix, its
 * rule and sign. Returns the stratlint comments matched to the findings.
 */
export function expectReview(copy: string, result: FileResult, text: string): ReadComment[] {
  const comments = pandocComments(copy).filter((c) => c.author === 'stratlint');
  expect(comments).toHaveLength(result.findings.length + 1);
  const card = comments.find((c) => /^stratlint scores this strategy \d+ out of 100\.$/.test(c.paragraphs[0]!));
  expect(card, 'the scorecard comment').toBeDefined();
  expect(card!.paragraphs[0]).toBe(`stratlint scores this strategy ${result.scorecard!.score} out of 100.`);
  expect(card!.paragraphs).toContain('Signs of a good strategy:');
  expect(card!.paragraphs).toContain('Signs of a bad strategy:');
  expect(windows1252Controls(card!.anchored)).toBe(collapse(text.split('\n').find((line) => line.trim())!));
  // Each sign's verdict, in words, in the scorecard's order.
  const words: Record<string, string> = { present: 'yes', weak: 'only in part', missing: 'no', absent: 'no sign of it', some: 'some signs', strong: 'clearly' };
  const verdicts = Object.entries(result.scorecard!.signs).map(([sign, s]) => `${SIGN_LABELS[sign as keyof typeof SIGN_LABELS]}: ${words[s.verdict]}`);
  const labels = Object.values(SIGN_LABELS);
  expect(card!.paragraphs.filter((p) => labels.some((l) => p.startsWith(`${l}: `)))).toHaveLength(12);
  for (const v of verdicts) expect(card!.paragraphs.some((p) => p.startsWith(`${v}.`) || p.startsWith(`${v} (`)), v).toBe(true);

  const unused = comments.filter((c) => c !== card);
  for (const f of result.findings) {
    const range = collapse(text.slice(f.offset, f.endOffset));
    const i = unused.findIndex((c) => c.paragraphs[0] === collapse(f.message) && c.paragraphs.at(-1) === `stratlint: ${f.ruleId} (sign: ${f.sign}, ${f.severity})`);
    expect(i, `a comment for ${describe(f)}`).toBeGreaterThanOrEqual(0);
    const [comment] = unused.splice(i, 1);
    // The copy keeps the document's own characters; stratlint reads C1 controls as Windows-1252's.
    expect(windows1252Controls(comment!.anchored), `the text ${describe(f)} is anchored on`).toBe(range);
    expect(comment!.paragraphs).toContain(`Fix: ${collapse(f.fix)}`);
    // The comment quotes the evidence unless it is the text commented on (as the report quotes it).
    if (f.evidence === quote(range, 200)) expect(comment!.paragraphs.some((p) => p.startsWith('Evidence:'))).toBe(false);
    else expect(comment!.paragraphs).toContain(`Evidence: “${collapse(f.evidence)}”`);
  }
  return comments;
}

function describe(f: Finding): string {
  return `${f.ruleId} at ${f.locator}`;
}
