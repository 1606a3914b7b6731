// One strategy's actions, written in the shapes real strategies use (headings, bold numerals in
// paragraphs, a bulleted list, a table of milestones, slide-like short paragraphs), must give the
// same commitments with the same measures and dates, and the same vague-goals findings.
import { describe, expect, it } from 'vitest';
import { Analysis } from '../dist/src/analysis/index.js';
import { buildLexicons } from '../dist/src/analysis/lexicons.js';
import { markdownDocument } from '../dist/src/formats/markdown.js';
import { Linter } from '../dist/src/engine/run.js';
import { ROOT } from './helpers.js';

interface Action {
  text: string;
  measure?: string;
  due?: string;
  /** What a milestone table puts in its measure column when the text holds no number. */
  measureCell?: string;
}

const ACTIONS: Action[] = [
  { text: 'Answer 80% of housing repair requests online', measure: '80%', due: 'March 2026' },
  { text: 'Publish a register of the datasets the council holds', due: 'June 2025', measureCell: 'Completion' },
  { text: 'Train 120 care staff to use the new rota tool', measure: '120', due: 'December 2025' },
  { text: 'Improve the quality of our street lighting records' },
  { text: 'Replace the paper permit process for market traders' },
  { text: 'Cut the wait for a blue badge decision to 10 days', measure: '10 days', due: 'April 2026' },
];

const sentence = (a: Action) => `${a.text}${a.due ? ` by ${a.due}` : ''}.`;
const FRONT = '---\ndate: 2024-09-01\n---\n\n# Eastbrook Council digital plan\n\nEastbrook serves 90,000 residents.\n\n';

const SHAPES: Record<string, string> = {
  list: `${FRONT}## Our actions\n\n${ACTIONS.map((a) => `- ${sentence(a)}`).join('\n')}\n`,
  headings: `${FRONT}## Our actions\n\n${ACTIONS.map((a, i) => `### Action ${i + 1}: ${sentence(a)}\n\nThe service team leads this work.\n`).join('\n')}`,
  'bold numerals': `${FRONT}## What happens next\n\n${ACTIONS.map((a, i) => `**${i + 1}.** ${sentence(a)}`).join('\n\n')}\n`,
  table: `${FRONT}## Our actions\n\n| Action | Measure | Due |\n|---|---|---|\n${ACTIONS.map((a) => `| ${a.text} | ${a.measure ?? a.measureCell ?? ''} | ${a.due ?? ''} |`).join('\n')}\n`,
  'slide paragraphs': `${FRONT}## The year ahead\n\n${ACTIONS.map((a) => sentence(a)).join('\n\n')}\n`,
  // A reference column numbers the rows; its "2.3" measures nothing.
  'table with references': `${FRONT}## Our actions\n\n| Ref | Action | Due |\n|---|---|---|\n${ACTIONS.map((a, i) => `| 2.${i + 1} | ${a.text} | ${a.due ?? 'Ongoing'} |`).join('\n')}\n`,
  // One numbered line each and no list markup, as PDF text and some Word exports give them.
  'numbered lines': `${FRONT}## The year ahead\n\n${ACTIONS.map((a, i) => `2.${i + 1} ${sentence(a)}`).join('\n')}\n`,
};

const lexicons = buildLexicons();

/** What a reader would list: each commitment's opening words, and whether it has a measure and a date. */
function commitments(markdown: string): string[] {
  const analysis = new Analysis(markdownDocument('plan.md', markdown), { lexicons });
  return analysis.objectives
    .filter((o) => o.kind !== 'commitment')
    .map((o) => {
      const words = o.text.replace(/^(?:\*\*)?(?:Action\s+)?\d+(?:\.\d+)*[.:]?\s*(?:\*\*)?\s*/i, '').split(/\s+/).slice(0, 4).join(' ');
      return `${words} | measure ${o.measure ? 'yes' : 'no'} | date ${o.deadline ? 'yes' : 'no'}`;
    });
}

describe('the same commitments whatever their shape', () => {
  const expected = ACTIONS.map((a) => `${a.text.split(/\s+/).slice(0, 4).join(' ')} | measure ${a.measure ? 'yes' : 'no'} | date ${a.due ? 'yes' : 'no'}`);

  it.each(Object.keys(SHAPES))('finds the six actions written as %s, each with its measure and date', (shape) => {
    expect(commitments(SHAPES[shape]!)).toEqual(expected);
  });

  it('reports the same vague actions in every shape', async () => {
    const linter = new Linter({ cwd: ROOT });
    const reported: Record<string, string[]> = {};
    for (const [shape, markdown] of Object.entries(SHAPES)) {
      const result = await linter.lintText(markdown, `${shape}.md`);
      reported[shape] = result.findings
        .filter((f: { ruleId: string; line: number }) => f.ruleId === 'vague-goals' && f.line > 9)
        .map((f: { evidence: string }) => f.evidence.replace(/^(?:Action\s+)?\d+(?:\.\d+)*[.:]?\s*/i, '').split(/\s+/).slice(0, 4).join(' '));
    }
    // The two with neither a measure nor a date (the document-level finding sits at the title).
    const vague = ['Improve the quality of', 'Replace the paper permit'];
    for (const [shape, found] of Object.entries(reported)) expect(found, shape).toEqual(vague);
  });
});

describe('the same initiatives weigh the same on the wish-list measure whatever their shape', () => {
  it.each(Object.keys(SHAPES))('counts the six actions written as %s as six initiatives with no order', async (shape) => {
    const result = await new Linter({ cwd: ROOT }).lintText(SHAPES[shape]!, `${shape}.md`);
    expect(result.measures?.['wish-list.unordered-items']).toBe(6);
    expect(result.measures?.['wish-list.longest-unordered-list']).toBe(6);
  });

  it('counts an action, not its milestones, and no run that is put in order', async () => {
    const milestones = (a: Action) => `\n\n- Agree the approach with the service team\n- Report progress to the digital board`;
    const headed = `${FRONT}## Our actions\n\n${ACTIONS.map((a, i) => `### Action ${i + 1}: ${sentence(a)}${milestones(a)}\n`).join('\n')}`;
    const result = await new Linter({ cwd: ROOT }).lintText(headed, 'milestones.md');
    expect(result.measures?.['wish-list.unordered-items']).toBe(6);
    const ranked = headed.replace('## Our actions\n\n', '## Our actions\n\nThe actions are in order of priority: the first comes first.\n\n');
    expect((await new Linter({ cwd: ROOT }).lintText(ranked, 'ranked.md')).measures?.['wish-list.unordered-items']).toBe(0);
  });
});
