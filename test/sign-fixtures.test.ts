// Whole strategies for the integrated, IT-driven and cookie-cutter signs: an IT department's
// roadmap and a trust strategy that ties its technology to patients, staff and its clinical
// strategy. The verdicts a reviewer would give, and the passages that must not be flagged.
import { describe, expect, it } from 'vitest';
import { Linter } from '../dist/src/engine/run.js';
import { ROOT } from './helpers.js';

const GOOD = 'fixtures/signs/harbour-trust-digital-strategy.md';
const BAD = 'fixtures/signs/eastmoor-ict-strategy.md';
const TEMPLATE = 'fixtures/signs/kestrel-it-services-roadmap.md';

describe('integrated, IT-driven and cookie-cutter on whole strategies', async () => {
  const run = await new Linter({ cwd: ROOT }).lintFiles([GOOD, BAD, TEMPLATE]);
  const file = (path: string) => run.files.find((f) => f.path.endsWith(path))!;
  const verdicts = (path: string) => {
    const signs = file(path).scorecard!.signs;
    return { integrated: signs.integrated.verdict, 'it-driven': signs['it-driven'].verdict, 'cookie-cutter': signs['cookie-cutter'].verdict };
  };
  const at = (path: string, rule: string) => file(path).findings.filter((f) => f.ruleId === rule).map((f) => f.line);

  it('reads an IT roadmap with a ten-year single-supplier deal as IT-driven, cookie-cutter and not integrated', () => {
    expect(verdicts(BAD)).toEqual({ integrated: 'missing', 'it-driven': 'strong', 'cookie-cutter': 'strong' });
    // The contract, and leadership left to the Head of ICT.
    expect(at(BAD, 'supplier-lock-in')).toEqual([34]);
    expect(at(BAD, 'it-driven')).toContain(41);
  });

  it('reads an IT office’s roadmap on a consultancy template as IT-driven and cookie-cutter, though no sentence says IT leads', () => {
    expect(verdicts(TEMPLATE)).toMatchObject({ 'it-driven': 'strong', 'cookie-cutter': 'strong' });
    const messages = (rule: string) => file(TEMPLATE).findings.filter((f) => f.ruleId === rule).map((f) => `${f.line}: ${f.message}`);
    // Its own maturity, service catalogue and internal customers; no "led by IT" anywhere.
    expect(messages('it-driven')).toContainEqual(expect.stringMatching(/^14: Framed as an IT department's own plan: 4 mentions of its maturity, service catalogue or the business as its customers/));
    expect(messages('it-driven').some((m) => m.includes('Leadership sits only with IT'))).toBe(false);
    // The template's voice and its opening claims about the age we live in.
    expect(messages('cookie-cutter')).toContainEqual(expect.stringMatching(/^7: Addressed to the reader as "you" in 5 of 16 sentences/));
    expect(messages('cookie-cutter')).toContainEqual('11: Grand claim about the age we live in "In today\'s digital age": "In today\'s digital age, your organisation cannot afford…"');
    expect(messages('cookie-cutter')).toContainEqual('11: Grand claim about the age we live in "pace of change has never": "The pace of change has never been faster, and you need…"');
  });

  it('reads a trust strategy tied to its clinical strategy and its patients as integrated, outcome-led and local', () => {
    expect(verdicts(GOOD)).toEqual({ integrated: 'present', 'it-driven': 'absent', 'cookie-cutter': 'absent' });
    // Technical work tied to outcomes, a CIO beside the chief executive, and short contracts.
    for (const rule of ['it-driven', 'supplier-lock-in', 'cookie-cutter', 'not-integrated']) expect(at(GOOD, rule)).toEqual([]);
  });
});

// Classes found on strategies for many agencies and for internal platforms: research that is only
// promised, organisations and teams as the users, ties to "each agency's mission", and prose
// that is hard to read but fails mainstream in no other way.
describe('user-centred, integrated and mainstream on plans for agencies and platform teams', async () => {
  const AGENCIES = 'fixtures/signs/regional-data-action-plan.md';
  const PLATFORM = 'fixtures/signs/shared-platform-plan.md';
  const run = await new Linter({ cwd: ROOT }).lintFiles([AGENCIES, PLATFORM]);
  const file = (path: string) => run.files.find((f) => f.path.endsWith(path))!;
  const verdict = (path: string, sign: string) => file(path).scorecard!.signs[sign as 'vague'].verdict;
  const messages = (path: string, rule: string) => file(path).findings.filter((f) => f.ruleId === rule).map((f) => `${f.line}: ${f.message}`);

  it('reads research that is only promised, asked of others or an action item as no evidence of what users need', () => {
    expect(verdict(AGENCIES, 'user-centred')).toBe('weak');
    expect(messages(AGENCIES, 'missing-user-needs')).toEqual([
      '15: No research with users is reported, only planned or about others: 3 mentions of research or feedback, such as "Agencies should gather feedback from residents and researchers…"',
    ]);
  });

  it('reads delivery teams and developers as the users of a platform team, with the research it reports', () => {
    expect(verdict(PLATFORM, 'user-centred')).toBe('present');
    expect(messages(PLATFORM, 'missing-user-needs')).toEqual([]);
  });

  it('reads actions tied to "each agency\'s mission" and "their strategic plans" as integrated', () => {
    expect(verdict(AGENCIES, 'integrated')).toBe('present');
    expect(messages(AGENCIES, 'not-integrated')).toEqual([]);
  });

  it('reads prose that is hard to read, and fails mainstream in no other way, as weak, not missing', async () => {
    expect(messages(AGENCIES, 'readability')[0]).toMatch(/^1: Hard to read: Flesch reading ease -?\d+/);
    expect(verdict(AGENCIES, 'mainstream')).toBe('weak');
    // However many long sentences it has: sixty here, each reported.
    const paragraphs = Array.from({ length: 60 }, (_, i) =>
      `Considerable variation persists in the maturity of records management practices across the ${i + 1} participating organisations in cohort ${i + 1}, reflecting historical differences in resourcing, statutory responsibilities and organisational priorities, which necessitates differentiated implementation support calibrated to their individual circumstances.`);
    const result = await new Linter({ cwd: ROOT }).lintText(`# Records maturity review\n\n${paragraphs.join('\n\n')}\n`, 'records.md');
    expect(result.findings.filter((f) => f.ruleId === 'readability')).toHaveLength(61);
    expect(result.scorecard!.signs.mainstream.verdict).toBe('weak');
  });
});
