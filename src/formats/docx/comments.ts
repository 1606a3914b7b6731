// Word comments: their text (for directives), their author, and whether they are resolved
// ("done" in commentsExtended.xml, which Word 2013 and later write when a comment is resolved
// or answered), with where each sits in its part so an annotated copy can replace stratlint's.

import { parseXml } from './xml.js';

export interface WordComment {
  id: string;
  author: string;
  /** The comment's paragraphs as plain text. */
  paragraphs: string[];
  /** One line: the paragraphs joined by spaces. */
  text: string;
  /** w14:paraId of the comment's last paragraph: commentsExtended.xml refers to it. */
  paraId?: string;
  /** Every w14:paraId in the comment (all must stay unique in the package). */
  paraIds: string[];
  /** The w:comment element, as offsets into the decoded part. */
  from: number;
  to: number;
}

export interface CommentState {
  done: boolean;
  /** The paraId of the comment this one answers. */
  parent?: string;
  from: number;
  to: number;
}

export function readComments(bytes: Uint8Array | null, part: string): Map<string, WordComment> {
  const comments = new Map<string, WordComment>();
  if (!bytes) return comments;
  let current: WordComment | null = null;
  let paragraph: string | null = null;
  let inText = false;
  let startTagEnd = 0;
  const starts: Array<{ comment: WordComment; tagEnd: number }> = [];
  const xml = parseXml(bytes, part, {
    open(el, end) {
      if (el.name === 'w:comment') {
        current = { id: el.attr('w:id') ?? '', author: el.attr('w:author') ?? '', paragraphs: [], text: '', paraIds: [], from: 0, to: end };
        startTagEnd = end;
      } else if (!current) return;
      else if (el.name === 'w:p') {
        paragraph = '';
        const paraId = el.attr('w14:paraId');
        if (paraId) current.paraIds.push(paraId);
        current.paraId = paraId;
      } else if (el.name === 'w:t') inText = true;
      else if ((el.name === 'w:tab' || el.name === 'w:br') && paragraph !== null) paragraph += ' ';
    },
    close(name, end) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:p' && current && paragraph !== null) {
        current.paragraphs.push(paragraph.replace(/\s+/g, ' ').trim());
        paragraph = null;
      } else if (name === 'w:comment' && current) {
        current.to = end;
        current.text = current.paragraphs.join(' ').replace(/\s+/g, ' ').trim();
        starts.push({ comment: current, tagEnd: startTagEnd });
        if (current.id) comments.set(current.id, current);
        current = null;
      }
    },
    text(t) {
      if (inText && paragraph !== null) paragraph += t;
    },
  });
  for (const { comment, tagEnd } of starts) comment.from = xml.lastIndexOf('<', tagEnd - 1);
  return comments;
}

/** commentsExtended.xml: per comment's last paraId, whether it is resolved and what it answers. */
export function readCommentStates(bytes: Uint8Array | null, part: string): Map<string, CommentState> {
  const states = new Map<string, CommentState>();
  if (!bytes) return states;
  const pending: Array<{ state: CommentState; tagEnd: number }> = [];
  let open: CommentState | null = null;
  const xml = parseXml(bytes, part, {
    open(el, end) {
      if (el.name !== 'w15:commentEx') return;
      const paraId = el.attr('w15:paraId');
      const parent = el.attr('w15:paraIdParent');
      open = { done: /^(1|true|on)$/i.test(el.attr('w15:done') ?? ''), ...(parent ? { parent } : {}), from: 0, to: end };
      pending.push({ state: open, tagEnd: end });
      if (paraId) states.set(paraId, open);
    },
    close(name, end) {
      if (name === 'w15:commentEx' && open) open.to = end;
      open = null;
    },
    text() {},
  });
  for (const { state, tagEnd } of pending) state.from = xml.lastIndexOf('<', tagEnd - 1);
  return states;
}

/** stratlint signs its comments as this author, and ends each with this line. */
export const STRATLINT_AUTHOR = 'stratlint';
const RULE_LINE = /^stratlint: (\S+) \(sign:/;

export function ruleLine(ruleId: string, sign: string, severity: string): string {
  return `stratlint: ${ruleId} (sign: ${sign}, ${severity})`;
}

/** The finding a stratlint comment is about: its rule and message; null for the scorecard or another author's. */
export function stratlintFinding(comment: WordComment): { ruleId: string; message: string } | null {
  if (comment.author !== STRATLINT_AUTHOR) return null;
  for (const p of comment.paragraphs) {
    const match = RULE_LINE.exec(p);
    if (match) return { ruleId: match[1]!, message: comment.paragraphs[0] ?? '' };
  }
  return null;
}

/** Whether the comment is resolved (Word: Resolve), by its last paragraph's state. */
export function isResolved(comment: WordComment, states: Map<string, CommentState>): boolean {
  return comment.paraId !== undefined && states.get(comment.paraId)?.done === true;
}
