// When the language server lints: after edits pause, one lint of a document at a time, and the
// last edit always linted. A fake lint that takes as long as the test says, on a fake clock, so
// a busy machine cannot change what happens.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lintSchedule } from '../dist/src/engine/schedule.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Lets the fake clock run on by `ms`, and every promise settle on the way. */
const pass = (ms: number) => vi.advanceTimersByTimeAsync(ms);

function recorder(lintMs: number) {
  let running = 0;
  let most = 0;
  const linted: number[] = [];
  let version = 0;
  const lint = async () => {
    running++;
    most = Math.max(most, running);
    const seen = version;
    await sleep(lintMs);
    linted.push(seen);
    running--;
  };
  return { lint, linted, edit: (v: number) => (version = v), most: () => most };
}

describe('the language server’s lint schedule', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a burst of edits to pause, then lints once', async () => {
    const r = recorder(5);
    const schedule = lintSchedule(r.lint, 40);
    for (let v = 1; v <= 5; v++) {
      r.edit(v);
      schedule.request('a.md');
      await pass(10);
    }
    await pass(120);
    expect(r.linted).toEqual([5]);
    schedule.dispose();
  });

  it('never runs two lints of a document at once, and lints the last edit after a slow one', async () => {
    const r = recorder(100);
    const schedule = lintSchedule(r.lint, 0);
    r.edit(1);
    schedule.request('a.md');
    await pass(20);
    expect(schedule.inFlight('a.md')).toBe(1);
    for (let v = 2; v <= 4; v++) {
      r.edit(v);
      schedule.request('a.md');
      await pass(10);
    }
    await pass(300);
    expect(r.most()).toBe(1);
    expect(r.linted).toEqual([1, 4]);
    expect(schedule.inFlight('a.md')).toBe(0);
  });

  it('lints another document while one is slow', async () => {
    const slow = recorder(200);
    const fast = recorder(5);
    const schedule = lintSchedule((key) => (key === 'slow.md' ? slow.lint() : fast.lint()), 0);
    schedule.request('slow.md');
    await pass(10);
    schedule.request('fast.md');
    await pass(50);
    expect(fast.linted).toHaveLength(1);
    expect(slow.linted).toHaveLength(0);
    await pass(250);
    expect(slow.linted).toHaveLength(1);
  });

  it('drops a closed document, and keeps one lint at a time if it is opened again at once', async () => {
    const r = recorder(100);
    const schedule = lintSchedule(r.lint, 0);
    schedule.request('a.md');
    await pass(20);
    schedule.forget('a.md');
    schedule.request('a.md');
    await pass(20);
    expect(r.most()).toBe(1);
    await pass(250);
    expect(r.linted).toHaveLength(2);
    expect(r.most()).toBe(1);
  });
});
