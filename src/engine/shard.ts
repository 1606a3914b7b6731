// Which runner lints which document when a run is split over a CI matrix (`--shard i/n`).
//
// A document's shard depends on its own path alone, relative to the working folder, so adding
// or removing other documents never moves it: any rule that looked at the whole set (greedy
// packing by size, ranges of a sorted list) would move some documents whenever one is added.
// The path is hashed with SHA-256 and the hash placed by jump consistent hashing (Lamping and
// Veach, 2014), which spreads documents evenly and, when n grows to n + 1, moves only the
// documents the new shard takes. Balance by bytes is then statistical: every document,
// whatever its size, is equally likely to land in each shard, so each shard expects 1/n of the
// bytes, and the spread shrinks as the number of documents grows (bench/shards.js measures it).

import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based, as CI matrices count. */
  index: number;
  total: number;
}

/** The most shards a run may be split into: more than any CI matrix allows (GitHub's is 256 jobs). */
export const MAX_SHARDS = 1024;

/** `i/n` as a Shard, or a one-line reason why not. */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return `--shard takes i/n (this runner's share of n, counted from 1), not "${text}"`;
  const index = Number(match[1]);
  const total = Number(match[2]);
  if (total < 1 || total > MAX_SHARDS) return `--shard ${text}: n must be from 1 to ${MAX_SHARDS}`;
  if (index < 1 || index > total) return `--shard ${text}: i must be from 1 to ${total}`;
  return { index, total };
}

const MASK = (1n << 64n) - 1n;

/** The shard (1-based) of a document, from its path relative to the working folder with forward slashes. */
export function shardOf(relativePath: string, total: number): number {
  let key = createHash('sha256').update(relativePath, 'utf8').digest().readBigUInt64BE(0);
  // Jump consistent hashing: a 64-bit linear congruential walk whose jumps land in bucket j
  // with probability 1/j, so each of `total` buckets gets an equal share.
  let bucket = -1n;
  let next = 0n;
  const n = BigInt(total);
  while (next < n) {
    bucket = next;
    key = (key * 2862933555777618913n + 1n) & MASK;
    next = BigInt(Math.floor(Number(bucket + 1n) * (2 ** 31 / Number((key >> 33n) + 1n))));
  }
  return Number(bucket) + 1;
}

export function inShard(relativePath: string, shard: Shard): boolean {
  return shard.total === 1 || shardOf(relativePath, shard.total) === shard.index;
}
