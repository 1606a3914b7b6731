// Blind test round three (fixtures/blind/FINDINGS.md, class R3-3: weak documents pass the good
// signs), in our own words: "we will know" followed by measures that are only directions
// ("greater use of the online catalogue", "higher member satisfaction") says which way, not how
// far or by when. The same measures with figures, baselines and dates pass; a list of "security
// measures" is no list of measures of success.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Linter } from '../dist/src/engine/run.js';
import { ROOT } from './helpers.js';

const linter = new Linter({ cwd: ROOT });

async function findings(path: string): Promise<string[]> {
  const result = await linter.lintFile(join(ROOT, path));
  return result.findings.filter((f) => f.ruleId === 'no-success-measures').map((f) => `${f.line}: ${f.message}`);
}

describe('measures of success that are only directions (no-success-measures)', () => {
  it('reports the list of directions, and not the security measures', async () => {
    expect(await findings('fixtures/precision/direction-measures.md')).toEqual([
      '16: 4 measures of success name a direction but no figure, baseline, target or date: "greater use of the online catalogue", "higher member satisfaction", …',
    ]);
  });

  it('passes the same measures with figures, baselines and dates', async () => {
    expect(await findings('fixtures/precision/figure-measures.md')).toEqual([]);
  });
});
