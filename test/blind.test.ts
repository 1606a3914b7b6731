// Twenty-seven strategies written for a blind test in nine rounds (fixtures/blind: an NHS trust's Word
// export, a council's slide text, a university IT office's plan; an agency's web page, a housing
// association's PDF text, a small charity's plan; a police force's OKRs, a weak strategy that
// talks like a good one, a health board's DOCX conversion; an integrated care system's strategy,
// a county's PDF text, an insurer's technology strategy; a multi-academy trust's pandoc export, a
// water company's 2050 transformation strategy, a national museum's plan; a fire and rescue
// service's PDF text, a department's DDaT web page, a logistics company's 'vision 2035'; a Scottish
// council's Word export, a mental health trust's plan, a university's brochure; an airport's
// roadmap in tables, an Australian regulator's strategy, a US city's smart-city plan; a Canadian court services plan, a
// Welsh national park's strategy, a sports body's board paper) and labelled by the twelve signs before
// stratlint was run on them (commits 4df0b07, 19f6900, 687e392, c13b146, 0d4d095 and 425ac13 hold the
// documents and labels alone, as do 3fc64f2 for round seven, 0067931 for round eight and f2cd4c6 for round nine; the fourth to seventh rounds were held out, written knowing nothing
// of what was fixed). Their
// FINDINGS.md names the classes of text stratlint misread; each fixed class has tests of its own
// in other words. This holds the figures reached as floors, as the corpus test does, so a class
// that comes back fails here. Some "wrongly flagged" items are artefacts of matching by line (a
// right finding on the line next to a must-not-flag passage): FINDINGS.md says which.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from '../dist/src/engine/run.js';
import { scoreAgainstLabels } from '../scripts/lib/corpus-score.js';
import { ROOT } from './helpers.js';

const DIR = join(ROOT, 'fixtures', 'blind');

/** Measured on main when the first classes were fixed; they only go up (flagged: only down). */
const FLOORS: Record<string, { hit: number; flagged: number; agree: number }> = {
  // b1's verdicts 8 since round three's R3-3 (slogan principles).
  // b1 15 found since its title page's own name is its own (Analysis.ownNames).
  'b1-northmoor-vale-trust-digital-strategy.md': { hit: 15, flagged: 3, agree: 9 },
  // b2, b4, b6 and b10 one verdict more since R4-6 (a link that says which of the plan's aims).
  'b2-harfield-council-digital-plan.md': { hit: 0, flagged: 0, agree: 12 },
  // b3 15 found since the lead's: the IT unit named by its acronym ("the OIT leadership team") is IT.
  // Cookie-cutter weighed clichés at half in a document rich in its own specifics and never over 1,
  // under the "strong" cut of 1.5 (13 of 24 documents a level under the reviewer): without either,
  // b1, b10 and b17 go absent -> some and b5, b8, b14, b18 and b21 some -> strong, as labelled, and
  // b3's fifteen clichés make it strong where it is labelled some: its floor 9 -> 8 for that alone.
  'b3-eastbridge-university-it-strategic-plan.md': { hit: 15, flagged: 2, agree: 8 },
  // Round two (labelled blind in 19f6900), measured after its classes R2-1, R2-2, R2-3 and R2-6
  // were fixed (b4's verdicts 8 after R2-13, contractions); before them: b4 8 / 0 / 7, b5 6 / 0 / 4,
  // b6 0 / 5 / 9.
  // b4's verdicts 6 since two wrong findings went (FINDINGS.md, "fixed afterwards"), each of which
  // had made a verdict agree: cookie-cutter's "some" stood on 19 of 20 links "borrowed" from the
  // site it is published on (R2-5; its four clichés alone weigh 0.2, under the 0.5 of "some"), and
  // vague's on "The only objective has no measure" placed at "How we'll work" (its missions are
  // now its objectives, 3 of 5 measured, and 7 of 22 commitments open weigh 0.32). Lowered for
  // those reasons only; its score rose from 56 to 68 (reviewer 70).
  // Its verdicts 7 since R2-7 (skippers, buyers and hauliers are people: it-driven absent).
  // b4, b9 and b11 one verdict more since hype is weighed per sentence, not per term.
  // b4 10 since R5-6 (its roadmap table, a row per quarter, orders the work).
  // b4 back to 9 since R8-3 ("first" in a slogan compound orders nothing): its Mission 5 heading
  // "Become an AI-first regulator" had ordered that mission's five items, so ten items now stand
  // unordered (some from 10) though its roadmap table phases them; right before for a wrong reason.
  'b4-mfla-ddat-strategy.md': { hit: 8, flagged: 0, agree: 9 },
  // b5 flagged 1 to 0 since the lead's: connected sensors are no hype technology (b5:146).
  'b5-thornbury-vale-digital-transformation-strategy.md': { hit: 19, flagged: 0, agree: 5 },
  'b6-dunmore-carers-link-digital-plan.md': { hit: 0, flagged: 0, agree: 12 },
  // Round three (labelled blind in 687e392), measured after its classes R3-1, R3-2 and two parts
  // of R3-3 (slogan principles, measures that are only directions) were fixed; before them: b7
  // 0 / 0 / 11, b8 7 / 0 / 4, b9 7 / 1 / 9. b7's one flagged item is a line-matching artefact
  // (the finding on KR 1.5, a must-find, is on the line after KR 1.4).
  'b7-kestrel-valley-police-digital-data-strategy.md': { hit: 4, flagged: 1, agree: 10 },
  // b8 18 found since 'explore' alone is no bound and a business system can be a technical change's object.
  'b8-selworth-transport-digital-strategy.md': { hit: 18, flagged: 0, agree: 6 },
  'b9-glenmorven-health-board-digital-strategy.md': { hit: 8, flagged: 1, agree: 10 },
  // Round four (held out; labelled blind in c13b146), measured after its class R4-1 (a cited
  // plan's year) was fixed; on main at 774de78 before it: b10 12 / 3 / 8, b11 14 / 2 / 8, b12 the
  // same. b10's and b11's remaining flags are line-matching artefacts (FINDINGS.md).
  // b10 10 since R4-7 (its roadmap table by year orders the work: focused weak, as labelled).
  'b10-calderbrook-wyvern-ics-digital-data-strategy.md': { hit: 12, flagged: 2, agree: 11 },
  // b11 15 found since R4-11 (its IT leadership under a name joining digital to ICT).
  // b11 and b14 one verdict more since leadership only with IT and technical commitments make it-driven 'some'.
  'b11-northdene-county-digital-strategy.md': { hit: 15, flagged: 1, agree: 11 },
  // b12 0 flagged and 9 verdicts since R4-3 and R4-4 (brokers are people; what they told its
  // account managers is evidence), 10 since R4-10 (the means to its claims target share it).
  // b12 11 since its AI heading over a guarded pilot and a refusal is no hype heading (R5-7).
  'b12-harbourline-insurance-technology-strategy.md': { hit: 2, flagged: 0, agree: 11 },
  // Round five (held out; labelled blind in 0d4d095), measured on main at 69d2f0e before any fix
  // (c0c230a gives the same figures). b13's objectives are a pandoc grid table, read as one
  // skipped paragraph (R5-1); b14's 38 initiatives sit under "Pillar N" headings after "We will:"
  // and are no commitments (R5-2). b14's two flags are one finding (b14:49) matched on two lines.
  // b13 9 and b15 11 verdicts (from 8 and 10) since R5-3: a sentence after the plan that ties
  // the work to its aims by pointing back at them ("serve those three priorities").
  // b13 10 since R5-6 ("we'll fix the network before we buy more devices", its phase table).
  // b13 0 flagged and 11 since R5-7 (its AI heading over a refusal and one bounded pilot).
  'b13-larchfield-learning-trust-digital-edtech-strategy.md': { hit: 0, flagged: 0, agree: 11 },
  // b14 26 found since R5-2 (its repeated "We will:" lead-ins were dropped as running text, so
  // none of its 38 items was a commitment). Flagged 2 to 6: the four more are line-matching
  // artefacts, each the line beside a must-find now found (the vague item and the IoT objective
  // at 86 flag 85; the CRM platform's technical change at 104 flags 103 and 105).
  // b14 5 verdicts since R6-1 (its "We have made good progress in recent years." is no record:
  // realistic weak, as labelled; its "During AMP7 we:" list is still unread, FINDINGS.md says so).
  // b14 flagged 6 to 4 since the lead's possibility modals ("30% of our field operatives could
  // retire in the next ten years" is no horizon; its two traps at 48 and 49), and to 3 since IoT is
  // no hype technology (the smart meters at 85 were flagged beside the IoT objective at 86).
  'b14-aldermere-water-digital-transformation-strategy.md': { hit: 27, flagged: 3, agree: 7 },
  // b15 2 flagged and 12 verdicts since R5-4 (its cited ten-year plan's length and span).
  'b15-national-museum-of-design-digital-strategy.md': { hit: 0, flagged: 2, agree: 12 },
  // Round six (held out; labelled blind in 425ac13), measured on main at 8f26bd0 before any fix.
  // b16 is pdftotext output: a running header splits its 3.6 list, and the items after it lose
  // their "We will:" (R6-2). b16's one flag (the records system's replacement, b16:194) is a
  // label FINDINGS.md calls doubtful. b18 passes four good signs it should not (R6-1).
  // b16 9 found and 8 verdicts since R6-2 (a list a page break cuts) and R6-11 ('the digital part of that plan'); b17 8 since the lead's round-six fixes; b18 18 found and 7 verdicts since R6-3, R6-5, R6-9 and the slogan principles of R6-1 (the lead's). b18 19 found since R8-13 in part (the IT-leadership finding on "will be owned and led by the Group CIO").
  'b16-westmarch-fire-rescue-digital-data-strategy.md': { hit: 9, flagged: 1, agree: 8 },
  'b17-dlp-digital-data-technology-strategy.md': { hit: 8, flagged: 0, agree: 9 },
  'b18-carraway-logistics-digital-vision-2035.md': { hit: 19, flagged: 0, agree: 8 },
  // Round seven (held out; labelled blind in 3fc64f2), measured on main at 421d54b before any fix.
  // b19's five flags: two line-matching artefacts (b19:133, 145), the cited net-zero 2040 target
  // as horizon (R7-1), "fall by a quarter" (b19:135) and a trial bounded in the next sentence
  // (b19:97). b20's one flag is an artefact of R7-2 (a deadline in a "### Year 2" heading).
  // b19 4 flagged and 11 verdicts since R7-1 (the net-zero year it cites is no horizon); b20 no
  // flag and 11 verdicts since R7-2 (phase headings date their items) and R7-3 (the plan's aims
  // named by content); b21 15 found and 4 verdicts since R7-4 (a sentence that only says who
  // reports to whom) and R7-5 (taglines under one-word headings), the lead's.
  // b21 18 found since R7-8 (an open heading objective's finding runs to the sentence under it).
  'b19-ardlinnie-council-digital-strategy.md': { hit: 11, flagged: 4, agree: 11 },
  'b20-wealdmere-partnership-trust-digital-plan.md': { hit: 1, flagged: 0, agree: 11 },
  'b21-harcastle-university-digital-futures-2030.md': { hit: 18, flagged: 0, agree: 5 },
  // Round eight (held out; labelled blind in 0067931), measured on main at 5b85fb2 before any fix:
  // b22 12 / 2 / 8, b23 2 / 0 / 12, b24 19 / 2 / 5. b22 1 flagged and 9 verdicts since R8-1 (the
  // Masterplan's "(to 2045)" is that plan's end). b22's one flag and b24's two are right findings on
  // a labelled line (PJ6 beside PJ5; the plan's own "2040" and a cliché sharing a line with a trap).
  // b24 6 verdicts since R8-3 ("digital-first" and "first responders" no longer order two pillars).
  // b24 20 found since R8-13 in part (the IT-leadership finding lands where IT is handed delivery),
  // 21 and b22 13 since R8-10 (acronyms in mixed case and with a hyphen: "LoRaWAN", "A-CDM").
  'b22-westhaven-airport-digital-technology-roadmap.md': { hit: 13, flagged: 1, agree: 9 },
  'b23-ntla-digital-data-strategy.md': { hit: 2, flagged: 0, agree: 12 },
  'b24-port-calder-smart-city-strategic-plan.md': { hit: 21, flagged: 2, agree: 6 },
  // Round nine (held out; labelled blind in f2cd4c6), measured on main at e062652 before any fix.
  // b26's three flags are line-matching artefacts (right findings on the line beside each trap);
  // b25's one is the "Lead:" line read as an objective (R9-5). b27's strategy is its board
  // paper's "Appendix A", read as reference matter (R9-1).
  // b25 0 flagged since R9-5 in part (its "Lead:" line gives its owner to the items above it).
  // b25 12 verdicts since the lead's R9-5 rest: its priorities' summing-up sentences are measured
  // by the actions under them, and a lead-in that commits no longer looks back (user-centred present).
  'b25-tamarack-court-services-digital-plan.md': { hit: 1, flagged: 0, agree: 12 },
  // b26 6 verdicts with the lead's cookie-cutter weights (1ede06b, written before round nine was
  // read and measured on it held out: its clichés make "some", as labelled).
  'b26-cefn-gwyllt-national-park-digital-strategy.md': { hit: 12, flagged: 3, agree: 6 },
  // b27 9 found since R9-1 (an appendix that names the plan is the plan); its verdicts stay 6:
  // wish-list now strong, as labelled, integrated present (labelled weak) on a sentence it had
  // not read, and realistic kept weak by R9-6 ("grown up over many years" is no delivery).
  'b27-upsf-board-paper-digital-transformation-strategy.md': { hit: 9, flagged: 0, agree: 6 },
};

describe('strategies labelled blind (fixtures/blind)', async () => {
  const files = readdirSync(DIR).filter((f) => f in FLOORS).sort().map((f) => join(DIR, f));
  const run = await new Linter({ cwd: ROOT }).lintFiles(files);
  const figures = scoreAgainstLabels(join(DIR, 'labels.yml'), run.files);

  it('lints every labelled document', () => {
    expect(run.files.map((f) => f.path.split('/').pop())).toEqual(Object.keys(FLOORS).sort());
  });

  it.each(Object.entries(FLOORS))('%s: must-find, must-not-flag and verdicts hold their floors', (file, floor) => {
    const d = figures.documents[file];
    expect(d.verdicts).toBe(12);
    expect(d.hit, 'must-find found').toBeGreaterThanOrEqual(floor.hit);
    expect(d.flagged, 'must-not-flag items flagged').toBeLessThanOrEqual(floor.flagged);
    expect(d.agree, `verdicts agreeing; ${figures.verdicts.disagreements.filter((x: string) => x.startsWith(file.slice(0, 2))).join('; ')}`).toBeGreaterThanOrEqual(floor.agree);
  });

  const score = (name: string) => run.files.find((f) => f.path.endsWith(name))!.scorecard!.score;

  it('ranks the council plan above the NHS trust strategy above the IT office plan, as the labels do', () => {
    expect(score('b2-harfield-council-digital-plan.md')).toBeGreaterThan(score('b1-northmoor-vale-trust-digital-strategy.md'));
    expect(score('b1-northmoor-vale-trust-digital-strategy.md')).toBeGreaterThan(score('b3-eastbridge-university-it-strategic-plan.md'));
  });

  it('ranks the charity plan above the agency strategy above the housing wish list, as the labels do', () => {
    expect(score('b6-dunmore-carers-link-digital-plan.md')).toBeGreaterThan(score('b4-mfla-ddat-strategy.md'));
    expect(score('b4-mfla-ddat-strategy.md')).toBeGreaterThan(score('b5-thornbury-vale-digital-transformation-strategy.md'));
  });

  it('ranks the police OKRs above the health board plan above the strategy that only talks like a good one, as the labels do', () => {
    expect(score('b7-kestrel-valley-police-digital-data-strategy.md')).toBeGreaterThan(score('b9-glenmorven-health-board-digital-strategy.md'));
    expect(score('b9-glenmorven-health-board-digital-strategy.md')).toBeGreaterThan(score('b8-selworth-transport-digital-strategy.md'));
  });

  // Round four: the labels rank the insurer (80) above the ICS (68) above the county (45).
  it('ranks the ICS strategy above the county buzzword strategy, as the labels do', () => {
    expect(score('b10-calderbrook-wyvern-ics-digital-data-strategy.md')).toBeGreaterThan(score('b11-northdene-county-digital-strategy.md'));
  });

  // 62 against the ICS's 71 until a company's words for its users and their feedback were read
  // (FINDINGS.md, R4-3 and R4-4): brokers and claims handlers are people, and what brokers
  // "told our account managers" is evidence of their needs.
  it('ranks the insurer above the ICS and the county, as the labels do', () => {
    const insurer = score('b12-harbourline-insurance-technology-strategy.md');
    expect(insurer).toBeGreaterThan(score('b10-calderbrook-wyvern-ics-digital-data-strategy.md'));
    expect(insurer).toBeGreaterThan(score('b11-northdene-county-digital-strategy.md'));
  });

  // Round five: the labels rank the museum (92) above the academy trust (80) above the water
  // company (28); measured 90, 71 and 43 on main (95, 77 and 43 after R5-3).
  it('ranks the museum plan above the academy trust strategy above the water company strategy, as the labels do', () => {
    expect(score('b15-national-museum-of-design-digital-strategy.md')).toBeGreaterThan(score('b13-larchfield-learning-trust-digital-edtech-strategy.md'));
    expect(score('b13-larchfield-learning-trust-digital-edtech-strategy.md')).toBeGreaterThan(score('b14-aldermere-water-digital-transformation-strategy.md'));
  });

  // Round six: the labels rank the department (76) above the fire service (66) far above the
  // logistics vision (10); measured 77, 84 and 19 on main at 8f26bd0. The first two are the wrong
  // way round (FINDINGS.md, round six: the fire service's vague, cookie-cutter and it-driven signs
  // read absent, the department's focus and horizon misread), so only the clear gap is held.
  it('ranks the department and fire service strategies far above the logistics vision 2035, as the labels do', () => {
    const logistics = score('b18-carraway-logistics-digital-vision-2035.md');
    expect(score('b17-dlp-digital-data-technology-strategy.md')).toBeGreaterThan(logistics + 30);
    expect(score('b16-westmarch-fire-rescue-digital-data-strategy.md')).toBeGreaterThan(logistics + 30);
  });

  // Round seven: the labels rank the mental health trust (80) above the council (58) far above
  // the university brochure (22); measured 88, 76 and 41 on main at 421d54b.
  it('ranks the mental health trust plan above the council strategy above the university brochure, as the labels do', () => {
    const brochure = score('b21-harcastle-university-digital-futures-2030.md');
    expect(score('b20-wealdmere-partnership-trust-digital-plan.md')).toBeGreaterThan(score('b19-ardlinnie-council-digital-strategy.md'));
    expect(score('b19-ardlinnie-council-digital-strategy.md')).toBeGreaterThan(brochure + 30);
  });

  // Round eight: the labels rank the regulator (90) above the airport (62) far above the smart
  // city plan (12); measured 100, 65 and 35 on main at 5b85fb2.
  it('ranks the regulator strategy above the airport roadmap far above the smart city plan, as the labels do', () => {
    const smartCity = score('b24-port-calder-smart-city-strategic-plan.md');
    expect(score('b23-ntla-digital-data-strategy.md')).toBeGreaterThan(score('b22-westhaven-airport-digital-technology-roadmap.md'));
    expect(score('b22-westhaven-airport-digital-technology-roadmap.md')).toBeGreaterThan(smartCity + 25);
  });

  // Round nine: the labels rank the court services plan (88) above the national park strategy
  // (55) far above the board paper (10); measured 92, 61 and 38 on main at e062652 (27 after R9-1).
  it('ranks the court services plan above the national park strategy above the board paper, as the labels do', () => {
    expect(score('b25-tamarack-court-services-digital-plan.md')).toBeGreaterThan(score('b26-cefn-gwyllt-national-park-digital-strategy.md'));
    expect(score('b26-cefn-gwyllt-national-park-digital-strategy.md')).toBeGreaterThan(score('b27-upsf-board-paper-digital-transformation-strategy.md') + 20);
  });

  // R6-1: progress claimed with nothing named ("we have made great strides in our digital
  // journey", "invested in a number of platforms") is no track record; both strategies read
  // realistic present on main at 8f26bd0 (labelled missing).
  it('does not take claimed progress for delivery in the two weak strategies', () => {
    for (const name of ['b8-selworth-transport-digital-strategy.md', 'b18-carraway-logistics-digital-vision-2035.md']) {
      expect(run.files.find((f) => f.path.endsWith(name))!.scorecard!.signs.realistic.verdict, name).not.toBe('present');
    }
  });

  // R7-1: the council's net-zero target, "has set a target of net zero emissions … by 2040", is
  // cited as what the plan contributes to; its five-year plan (2025-2030, reviewed in 2027) read
  // too-long-term "some" on main at 421d54b from that year alone.
  it('does not take the climate target a five-year plan cites for its horizon', () => {
    const b19 = run.files.find((f) => f.path.endsWith('b19-ardlinnie-council-digital-strategy.md'))!;
    expect(b19.scorecard!.signs['too-long-term'].verdict).toBe('absent');
    expect(b19.findings.filter((f) => f.sign === 'too-long-term')).toEqual([]);
  });

  // R8-1: the airport's four-year roadmap says "The long-range planning horizon of the Masterplan
  // (to 2045) is not the horizon of this roadmap"; on main at 5b85fb2 that 2045 made it "some".
  it('does not take the end a cited masterplan runs to for the horizon of the roadmap', () => {
    const b22 = run.files.find((f) => f.path.endsWith('b22-westhaven-airport-digital-technology-roadmap.md'))!;
    expect(b22.scorecard!.signs['too-long-term'].verdict).toBe('absent');
    expect(b22.findings.filter((f) => f.sign === 'too-long-term')).toEqual([]);
  });
});
