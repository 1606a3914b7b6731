// Word comments, by id, as plain text: one line per comment, paragraphs joined by spaces.

import { parseXml } from './xml.js';

export function readComments(bytes: Uint8Array | null, part: string): Map<string, string> {
  const comments = new Map<string, string>();
  if (!bytes) return comments;
  let id: string | null = null;
  let text = '';
  let inText = false;
  parseXml(bytes, part, {
    open(el) {
      if (el.name === 'w:comment') {
        id = el.attr('w:id') ?? null;
        text = '';
      } else if (el.name === 'w:t') inText = true;
      else if (el.name === 'w:p' && text) text += ' ';
    },
    close(name) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:comment' && id !== null) {
        comments.set(id, text.replace(/\s+/g, ' ').trim());
        id = null;
      }
    },
    text(t) {
      if (inText && id !== null) text += t;
    },
  });
  return comments;
}
