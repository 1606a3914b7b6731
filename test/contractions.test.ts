// Authors write "What we'll do", "How we'll know", "We won't": a word list's term written in
// full ("what we will do", "how we will know", "we will not") matches its contractions too
// (src/analysis/lexicon.ts), so a plan in plain modern English is read as one written in full.
// Blind test round two, class R2-13; the plans here are our own words.
import { describe, expect, it } from 'vitest';
import { Lexicon } from '../dist/src/analysis/lexicon.js';
import { Linter } from '../dist/src/engine/run.js';
import { ROOT } from './helpers.js';

const linter = new Linter({ cwd: ROOT });

async function findings(text: string): Promise<Array<{ rule: string; line: number; message: string }>> {
  const result = await linter.lintText(text, 'plan.md');
  return result.findings.map((f) => ({ rule: f.ruleId, line: f.line, message: f.message }));
}

/** The same small plan, with its headings and refusals written in full or contracted. */
function plan(contracted: boolean): string {
  const w = (full: string, short: string) => (contracted ? short : full);
  return `---
date: 2026-01-10
---
# Fenwick Libraries: digital plan 2026 to 2028

Readers told us in forty interviews that renewing a loan takes too long and that the catalogue is hard to search on a phone.

## What ${w('we will', "we'll")} do

- Improve the catalogue search.
- Make renewals easier for members.
- Modernise the reading room computers.

## How ${w('we will', "we'll")} know it is working

We will report the share of renewals made online to the library board every quarter.

${w('We will not', "We won't")} build our own catalogue system.
`;
}

describe('contractions in word lists', () => {
  it('match a term written in full in its contracted forms, and the full form still', () => {
    const lexicon = new Lexicon('phrases', ['what we will do', 'we will not', 'we are not going to', 'we do not intend to', 'we have done'], new Map());
    const found = (text: string) => lexicon.matches(text).map((m) => m.text);
    expect(found("What we'll do next")).toEqual(["What we'll do"]);
    expect(found('What we’ll do next')).toEqual(['What we’ll do']);
    expect(found("We won't build it")).toEqual(["We won't"]);
    expect(found("we're not going to")).toEqual(["we're not going to"]);
    expect(found("We don't intend to")).toEqual(["We don't intend to"]);
    expect(found("what we've done")).toEqual(["we've done"]);
    expect(found('what we will do and we will not')).toEqual(['what we will do', 'we will not']);
    // Not any "ll" or a missing apostrophe: "well", "wont" are words of their own.
    expect(found('what well do')).toEqual([]);
    expect(found('as we wont to do')).toEqual([]);
  });

  it('read a plan with "What we\'ll do" and "How we\'ll know" as the same plan written in full', async () => {
    // The same findings in the same places; their messages quote the text as written.
    const places = (list: Array<{ rule: string; line: number }>) => list.map((f) => `${f.rule}:${f.line}`);
    const full = await findings(plan(false));
    const contracted = await findings(plan(true));
    expect(places(contracted)).toEqual(places(full));
    // "How we'll know it is working" says how success is measured, as in full.
    expect(contracted.filter((f) => f.rule === 'no-success-measures')).toEqual([]);
    // The items under "What we'll do" are commitments, each without a measure or a date.
    expect(contracted.filter((f) => f.rule === 'vague-goals').map((f) => f.line)).toEqual(expect.arrayContaining([10, 11, 12]));
  });
});
