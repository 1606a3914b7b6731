// Words out of their use: a cliché inside a resident's quotation or mentioned as a word, a
// cliché's words in their plain sense, a principle's tagline and a lead-in sentence read as
// objectives. A strategy of our own holds each, beside the author's own clichés and objectives,
// which are still judged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analysis } from '../dist/src/analysis/index.js';
import { buildLexicons } from '../dist/src/analysis/lexicons.js';
import { quotationsIn } from '../dist/src/analysis/quotations.js';
import { markdownDocument } from '../dist/src/formats/markdown.js';
import { Linter } from '../dist/src/engine/run.js';
import { ROOT } from './helpers.js';

const WORDS = 'fixtures/uses/words-in-use.md';

describe('quotations, literal senses, taglines and lead-ins', async () => {
  const run = await new Linter({ cwd: ROOT }).lintFiles([WORDS]);
  const findings = (rule: string) => run.files[0]!.findings.filter((f) => f.ruleId === rule).map((f) => `${f.line}: ${f.message}`);

  it('reports the author’s own clichés, not those in a resident’s quotation, in a mention of the word or in their plain sense', () => {
    expect(findings('cookie-cutter')).toEqual([
      '20: Strategy cliché "seamless": "Our vision is “a seamless Tollbridge for every resident”, and…"',
      '21: Strategy cliché "our digital journey": "…Tollbridge for every resident”, and our digital journey starts with the basics."',
      '56: Strategy cliché "seamless": "We will make our services seamless for every resident."',
    ]);
  });

  it('judges neither a principle’s tagline nor a lead-in sentence as an objective', () => {
    // Only the author's own undated, unmeasured commitment is vague.
    expect(findings('vague-goals')).toEqual(['56: Commitment to "make" with no measure or deadline: "We will make our services seamless for every resident."']);
    const text = readFileSync(join(ROOT, WORDS), 'utf8');
    const analysis = new Analysis(markdownDocument(WORDS, text), { lexicons: buildLexicons() });
    const lines = analysis.objectives.map((o) => text.slice(0, o.start).split('\n').length);
    // The six dated actions under "What we will do", and the author's own "we will" sentence.
    expect(lines).toEqual([46, 47, 48, 52, 53, 54, 56]);
  });

  it('still judges a lead-in whose list holds no objectives, and a dated commitment under a principles heading', async () => {
    // Dated, so that March 2026 stays ahead of the plan whatever day the test runs.
    const doc = [
      '---',
      'date: 2025-01-01',
      '---',
      '',
      '# Plan',
      '',
      '## Our principles',
      '',
      'We will move every form online by March 2026.',
      '',
      '## What we will do',
      '',
      'We will transform our services through:',
      '',
      '- cloud',
      '- data',
      '- people',
      '',
    ].join('\n');
    const analysis = new Analysis(markdownDocument('plan.md', doc), { lexicons: buildLexicons() });
    expect(analysis.objectives.map((o) => o.text)).toEqual(['We will move every form online by March 2026.', 'We will transform our services through:']);
  });

  it('finds quotations across sentences, tells who said them, and does not take an apostrophe for a quotation mark', () => {
    const text = 'One carer told us: “It was meant to be seamless. It took three evenings.” The council’s site is “seamless”, and it’s ‘fit for the future’.';
    const found = quotationsIn(text).map((q) => [text.slice(q.start, q.end), q.attributed]);
    expect(found).toEqual([
      ['It was meant to be seamless. It took three evenings.', true],
      ['seamless', false],
      ['fit for the future', false],
    ]);
  });
});
