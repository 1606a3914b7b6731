// Blind tests five and six (fixtures/blind/FINDINGS.md R5-11, R6-10): the span a prediction
// covers was read as the plan's horizon when the strategy itself makes the prediction ("explore
// how AI can predict where new homes will be needed over the next 20 years"), since a forecast
// counted only without a first-person subject. The span of a prediction is the model's; the
// plan's own span is still its horizon. In our own words.
import { describe, expect, it } from 'vitest';
import { findingsIn } from './support/judgement.js';

const plan = (sentence: string) => `---
date: 2026-01-20
---

# Dunmere County Council data plan 2026-2028

${sentence}
`;

describe('the span a prediction covers (long-horizon)', () => {
  it('is not the plan’s horizon', async () => {
    expect(await findingsIn(plan('We will use our population model to predict where care homes will be needed over the next 25 years.'), 'long-horizon')).toEqual([]);
    expect(await findingsIn(plan('Our analysts will build a tool that forecasts demand for school places over the next fifteen years.'), 'long-horizon')).toEqual([]);
  });

  it('leaves the plan’s own span a horizon', async () => {
    expect(await findingsIn(plan('We will deliver this plan over the next ten years, starting with the care records.'), 'long-horizon')).toEqual([
      '7: Horizon of 10 years ("over the next ten years") is longer than 5 years',
    ]);
  });
});
