// Text from a document (its words, its file name, a heading) must not reach a terminal as
// commands: an escape sequence can retitle the window, clear the screen or forge a line. Every
// text report shows control characters as visible escapes (ESC as "\x1b"); the JSON formats keep
// the text exact but spell such characters as \u escapes, as JSON allows.

import type { LintRun } from '../core/types.js';
import { utf8 } from '../io/write.js';

// C0 controls but the tab, DEL, and the C1 controls (U+009B is a one-character CSI to a terminal).
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
// What JSON.stringify leaves as it is: DEL and C1. (C0 it escapes itself.)
const JSON_RAW_CONTROL = /[\u007f-\u009f]/g;

/** `text` with each control character but the tab written as \xHH. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** The run with every string in it escaped, for a text report; the document text is left out. */
export function escapeRun(run: LintRun): LintRun {
  return escapeStrings(run) as LintRun;
}

function escapeStrings(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key === 'text' ? value : escapeControls(value);
  if (Array.isArray(value)) return value.map((v) => escapeStrings(v));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeStrings(v, k);
    return out;
  }
  return value;
}

/** Serialised JSON with DEL and the C1 controls as \u escapes: the same data, safe to print. */
export function escapeJsonControls(json: string): string {
  return json.replace(JSON_RAW_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Whether JSON text, as UTF-8, holds a character escapeJsonControls escapes: DEL is the byte 0x7F
 * and each C1 control the bytes 0xC2 0x80-0x9F, and no other character's UTF-8 holds either. Node
 * finds a byte with memchr; the regular expression above read each of a 78 MB report's characters
 * (a twelfth of a merge's instructions) to find none.
 */
export function hasRawJsonControl(utf8: Buffer): boolean {
  if (utf8.indexOf(0x7f) !== -1) return true;
  for (let at = utf8.indexOf(0xc2); at !== -1; at = utf8.indexOf(0xc2, at + 1)) {
    const next = utf8[at + 1];
    if (next !== undefined && next >= 0x80 && next <= 0x9f) return true;
  }
  return false;
}

/**
 * A piece of JSON text as UTF-8, DEL and the C1 controls escaped: encoded as it comes and only
 * escaped (and encoded again) when its bytes show such a character, which a report almost never holds.
 */
export function encodeJsonPiece(piece: string): Buffer {
  const bytes = utf8(piece);
  return hasRawJsonControl(bytes) ? utf8(escapeJsonControls(piece)) : bytes;
}
