// A PDF's streams are compressed, and a few kilobytes can decompress to gigabytes: Flate (zip),
// LZW and run-length all can, alone or behind a filter that only spells bytes out as text
// (ASCIIHex, ASCII85). PDF.js decodes a stream whole when it needs it, with no limit, so before
// it sees the file every stream's filters are applied here, in turn, each under a hard output
// limit (a decoder stops at the limit; it never allocates more). A stream that fails to decode
// is left to PDF.js, which copes with damaged streams as viewers do; so is a filter here that
// only images use (JPEG, JPEG 2000, fax, JBIG2), which reading text never decodes.

import { constants, inflateSync } from 'node:zlib';
import { megabytes } from '../errors.js';
import { PdfError } from './errors.js';

export interface DecodeLimits {
  /** Most bytes one stream may decode to. */
  streamBytes: number;
  /** Most bytes all streams together may decode to. */
  totalBytes: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = { streamBytes: 64 * 1024 * 1024, totalBytes: 256 * 1024 * 1024 };

/** Thrown by a decoder whose output would pass its limit. */
class TooLarge extends Error {}

/**
 * A decoder: the bytes `data` starts with, decoded, at most `cap` of them (else TooLarge). With
 * `sizeOnly` (the last filter of a stream) it may count the bytes without keeping them.
 */
type Decoder = (data: Buffer, cap: number, dictionary: string, sizeOnly: boolean) => Output;

const DECODERS: Record<string, Decoder> = {
  FlateDecode: inflate,
  Fl: inflate,
  LZWDecode: lzw,
  LZW: lzw,
  RunLengthDecode: runLength,
  RL: runLength,
  ASCIIHexDecode: asciiHex,
  AHx: asciiHex,
  ASCII85Decode: ascii85,
  A85: ascii85,
};

export function checkDecodedSizes(bytes: Buffer, limits: DecodeLimits = DEFAULT_DECODE_LIMITS): void {
  const latin = bytes.toString('latin1');
  const keyword = /stream(?:\r\n|\n|\r)/g;
  let total = 0;
  let match: RegExpExecArray | null;
  while ((match = keyword.exec(latin))) {
    const at = match.index;
    // "endstream" also ends in "stream"; a stream's data follows its dictionary's ">>".
    if (latin.slice(Math.max(0, at - 3), at) === 'end') continue;
    const dictStart = latin.lastIndexOf('obj', at);
    const dictionary = latin.slice(dictStart < 0 ? Math.max(0, at - 2048) : dictStart, at);
    const dataStart = at + match[0].length;
    const end = latin.indexOf('endstream', dataStart);
    keyword.lastIndex = end < 0 ? latin.length : end;
    const filters = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+)/.exec(dictionary);
    if (!/>>\s*$/.test(dictionary) || !filters) continue;
    const names = [...filters[1]!.matchAll(/\/([^\s/[\]<>()]+)/g)].map((m) => m[1]!);
    const cap = Math.min(limits.streamBytes, limits.totalBytes - total);
    // From the data's start to the file's end: each decoder stops where its data does (zlib at
    // the end of the compressed data, the others at their end-of-data mark), so neither a
    // /Length nor an "endstream" inside the data can hide part of a stream.
    const known = names.findIndex((name) => !DECODERS[name]);
    const chain = names.slice(0, known < 0 ? names.length : known).map((name) => DECODERS[name]!);
    let data: Buffer = bytes.subarray(dataStart);
    let size = 0;
    try {
      chain.forEach((decoder, i) => {
        const out = decoder(data, cap, dictionary, i === chain.length - 1);
        data = out.bytes();
        size = out.length;
      });
    } catch (error) {
      if (!(error instanceof TooLarge)) continue;
      const whole = limits.totalBytes - total < limits.streamBytes;
      throw new PdfError(
        'pdf-inflate-limit',
        whole
          ? `PDF's compressed streams together inflate to over ${megabytes(limits.totalBytes)}, past what a real document needs; refused before parsing`
          : `PDF has a compressed stream (at byte ${dataStart}) that inflates to over ${megabytes(limits.streamBytes)}, past what a real document needs (a "zip bomb"); refused before parsing`,
      );
    }
    total += size;
  }
}

function inflate(data: Buffer, cap: number): Output {
  try {
    return Output.of(inflateSync(data, { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw new TooLarge();
    throw error;
  }
}

/**
 * A decoder's output: bytes written one at a time into a buffer that grows, up to a limit, or
 * with `sizeOnly` only counted.
 */
class Output {
  private buffer: Buffer = Buffer.alloc(4096);
  length = 0;
  constructor(
    private readonly cap: number,
    private readonly sizeOnly = false,
  ) {}
  static of(bytes: Buffer): Output {
    const out = new Output(bytes.length);
    out.buffer = bytes;
    out.length = bytes.length;
    return out;
  }
  /** Counts `count` bytes that are not kept. */
  skip(count: number): void {
    this.length += count;
    if (this.length > this.cap) throw new TooLarge();
  }
  push(byte: number): void {
    if (this.sizeOnly) return this.skip(1);
    if (this.length >= this.buffer.length) {
      if (this.length >= this.cap) throw new TooLarge();
      const grown = Buffer.alloc(Math.min(this.cap, this.buffer.length * 2));
      this.buffer.copy(grown);
      this.buffer = grown;
    }
    this.buffer[this.length++] = byte;
  }
  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

/**
 * LZW as PDF has it: codes of 9 to 12 bits, most significant bit first, 256 clears the table
 * and 257 ends the data; the code width grows one code early unless /EarlyChange is 0. Each
 * code stands for a string of up to some four thousand bytes, so a few kilobytes can decode
 * to hundreds of megabytes.
 */
function lzw(data: Buffer, cap: number, dictionary: string, sizeOnly: boolean): Output {
  const early = /\/EarlyChange\s+0\b/.test(dictionary) ? 0 : 1;
  const prefix = new Uint16Array(4096);
  const last = new Uint8Array(4096);
  const length = new Uint16Array(4096);
  const sequence = new Uint8Array(4096);
  for (let i = 0; i < 256; i++) {
    last[i] = i;
    length[i] = 1;
  }
  const out = new Output(cap, sizeOnly);
  let next = 258;
  let width = 9;
  let previous = -1;
  let current = 0;
  let bitBuffer = 0;
  let bitCount = 0;
  let at = 0;
  for (;;) {
    while (bitCount < width && at < data.length) {
      bitBuffer = ((bitBuffer << 8) | data[at++]!) & 0xffffff;
      bitCount += 8;
    }
    if (bitCount < width) break;
    bitCount -= width;
    const code = (bitBuffer >>> bitCount) & ((1 << width) - 1);
    if (code === 256) {
      next = 258;
      width = 9;
      previous = -1;
      continue;
    }
    if (code === 257) break;
    if (code < 256) {
      sequence[0] = code;
      current = 1;
    } else if (code < next && code < 4096) {
      current = length[code]!;
      for (let j = current - 1, q = code; j >= 0; j--) {
        sequence[j] = last[q]!;
        q = prefix[q]!;
      }
    } else if (previous >= 0) {
      // The code being defined: the previous string and its own first byte.
      sequence[current] = sequence[0]!;
      current++;
    } else throw new Error('LZW data starts with an undefined code');
    if (previous >= 0 && next < 4096) {
      prefix[next] = previous;
      length[next] = length[previous]! + 1;
      last[next] = sequence[0]!;
    }
    if (previous >= 0) {
      next++;
      if (((next + early) & (next + early - 1)) === 0) width = Math.min(12, Math.log2(next + early) + 1);
    }
    previous = code;
    if (sizeOnly) out.skip(current);
    else for (let j = 0; j < current; j++) out.push(sequence[j]!);
  }
  return out;
}

/** Run-length: a byte n of 0 to 127 copies the next n + 1 bytes, 129 to 255 repeats the next byte 257 - n times, 128 ends. */
function runLength(data: Buffer, cap: number, _dictionary: string, sizeOnly: boolean): Output {
  const out = new Output(cap, sizeOnly);
  let at = 0;
  while (at < data.length) {
    const n = data[at++]!;
    if (n === 128) break;
    if (n < 128) {
      for (let k = 0; k <= n && at < data.length; k++) out.push(data[at++]!);
    } else if (at < data.length) {
      const byte = data[at++]!;
      if (sizeOnly) out.skip(257 - n);
      else for (let k = 0; k < 257 - n; k++) out.push(byte);
    }
  }
  return out;
}

/** Hexadecimal text (white space ignored) up to ">"; an odd last digit is followed by 0. */
function asciiHex(data: Buffer, cap: number): Output {
  const out = new Output(cap);
  let high = -1;
  for (let at = 0; at < data.length; at++) {
    const c = data[at]!;
    if (c === 0x3e) break;
    const digit = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (digit < 0) {
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0) continue;
      throw new Error('not hexadecimal');
    }
    if (high < 0) high = digit;
    else {
      out.push(high * 16 + digit);
      high = -1;
    }
  }
  if (high >= 0) out.push(high * 16);
  return out;
}

/** ASCII base-85 up to "~>": five characters "!" to "u" make four bytes, "z" four zero bytes. */
function ascii85(data: Buffer, cap: number): Output {
  const out = new Output(cap);
  const group: number[] = [];
  const flush = (count: number) => {
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 85 + (group[i] ?? 84);
    for (let i = 0; i < count - 1; i++) out.push(Math.floor(value / 256 ** (3 - i)) % 256);
    group.length = 0;
  };
  for (let at = 0; at < data.length; at++) {
    const c = data[at]!;
    if (c === 0x7e) break;
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0) continue;
    if (c === 0x7a && group.length === 0) {
      for (let i = 0; i < 4; i++) out.push(0);
      continue;
    }
    if (c < 0x21 || c > 0x75) throw new Error('not ASCII85');
    group.push(c - 0x21);
    if (group.length === 5) flush(5);
  }
  if (group.length > 1) flush(group.length);
  return out;
}
