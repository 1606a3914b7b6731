// JSON written for stratlint itself to read back (a shard's report, the cache), in ASCII.
//
// Node reads a file with even one character past ASCII into a string of two bytes a character,
// decoding it slowly, and every string JSON.parse takes from it is two-byte too. The same data
// with DEL and every character past ASCII as a \u escape reads back three to five times as fast.

import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';

const PAST_ASCII = /[\u007f-\uffff]/g;

/** `JSON.stringify(value)` in ASCII: the same JSON data, other characters as \u escapes. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(PAST_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A file of JSON as text, read fast when it is ASCII (as stratlint's own are): Node's UTF-8
 * reading copied and checked an 11 MB shard report in about 45 ms; bytes known to be ASCII are
 * taken as Latin-1, the same characters, without either. Anything else is read as UTF-8.
 */
export function readJsonText(path: string): string {
  return jsonText(readFileSync(path));
}

/** A file's bytes of JSON as text: as Latin-1 (the same characters, read faster) when they are ASCII, else as UTF-8. */
export function jsonText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
