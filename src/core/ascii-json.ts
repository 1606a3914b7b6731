// JSON written for stratlint itself to read back (a shard's report, the cache), in ASCII.
//
// Node reads a file with even one character past ASCII into a string of two bytes a character,
// decoding it slowly, and every string JSON.parse takes from it is two-byte too. The same data
// with DEL and every character past ASCII as a \u escape reads back three to five times as fast.

const PAST_ASCII = /[\u007f-\uffff]/g;

/** `JSON.stringify(value)` in ASCII: the same JSON data, other characters as \u escapes. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(PAST_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
