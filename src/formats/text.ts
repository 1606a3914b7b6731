// Bytes to text for the text formats: refuses what cannot be a Markdown strategy.

import type { FileError } from '../core/types.js';

export type DecodeResult = { ok: true; text: string } | { ok: false; error: FileError };

export function decodeText(buffer: Uint8Array): DecodeResult {
  if (buffer.length === 0) return fail('empty', 'File is empty');
  if (buffer.subarray(0, 8192).includes(0)) return fail('binary', 'File is binary, not a text document');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return fail('encoding', 'File is not valid UTF-8 text (save it as UTF-8)');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('empty', 'File has no text');
  return { ok: true, text: windows1252Controls(text) };
}

// Windows-1252's characters for the bytes 0x80-0x9F, in order; the five it leaves undefined
// (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay what they are.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const C1_CONTROL = /[\u0080-\u009f]/g;

/**
 * The text with each C1 control character (U+0080-U+009F) read as the Windows-1252 character
 * of the same number: U+0092 as ’, U+0096 as –. Text saved in Windows-1252 and once decoded as
 * Latin-1 has them where its quotes and dashes were (the shared corpus's 2012 strategy does);
 * no document means a C1 control, and browsers read Latin-1 as Windows-1252 for this reason
 * (WHATWG Encoding). One character for one, so every offset into the text still holds.
 */
export function windows1252Controls(text: string): string {
  return text.replace(C1_CONTROL, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function fail(code: string, message: string): DecodeResult {
  return { ok: false, error: { code, message } };
}
