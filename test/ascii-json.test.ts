// The JSON stratlint writes for itself (a shard's report, the cache) and reads back: ASCII on one
// line, read as Latin-1 when its bytes are ASCII, as UTF-8 otherwise.
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asciiJson, readJsonText } from '../src/core/ascii-json.js';
import { tempDir } from './helpers.js';

describe('JSON text read back', () => {
  const value = { path: 'docs/plan – 2025.md', evidence: 'the strategy’s “vision” £5m', controls: '\u0000\u007f\u009b', surrogate: '\ud83d\ude00' };

  it('writes ASCII that parses back to the same data', () => {
    const text = asciiJson(value);
    expect(text).toMatch(/^[\u0000-\u007e]*$/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('reads each file back exactly, ASCII or UTF-8 as another tool may have rewritten it', () => {
    const dir = tempDir();
    const files: Array<[string, string]> = [
      ['large.json', asciiJson({ ...value, filler: 'x'.repeat(200_000) })],
      ['small.json', asciiJson(value)],
      ['utf8.json', JSON.stringify(value)],
      ['empty.json', ''],
    ];
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
    for (const [name, text] of files) expect(readJsonText(join(dir, name)), name).toBe(text);
    expect(JSON.parse(readJsonText(join(dir, 'utf8.json')))).toEqual(value);
  });

  it('fails as reading a file does, with its code, for a file missing or a folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'folder'));
    expect(() => readJsonText(join(dir, 'missing.json'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => readJsonText(join(dir, 'folder'))).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
