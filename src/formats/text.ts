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
  return { ok: true, text };
}

function fail(code: string, message: string): DecodeResult {
  return { ok: false, error: { code, message } };
}
