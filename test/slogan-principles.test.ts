// Blind test round three (fixtures/blind/FINDINGS.md, class R3-3, recurring from round one's
// class 2 and round two's R2-8), in our own words: principles that are slogans ("**Bold** – we
// will drive change", "**Open.** We will be open in all that we do") would not help a team
// decide, whatever the heading above them says. Principles that set a condition, an order or a
// limit, or name a concrete choice, still count, however short.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Linter } from '../dist/src/engine/run.js';
import { ROOT } from './helpers.js';

const linter = new Linter({ cwd: ROOT });

async function findings(path: string): Promise<string[]> {
  const result = await linter.lintFile(join(ROOT, path));
  return result.findings.filter((f) => f.ruleId === 'no-principles').map((f) => `${f.line}: ${f.message}`);
}

describe('principles that are slogans (no-principles)', () => {
  it('reports a principles section of slogans, quoting one', async () => {
    expect(await findings('fixtures/precision/slogan-principles.md')).toEqual([
      '10: 4 of the 5 principles under "Our principles" are slogans that would not help anyone decide, such as "Visitor-centred. Visitors are at the heart of…"',
    ]);
  });

  it('keeps short principles that weigh options or name a concrete choice', async () => {
    expect(await findings('fixtures/precision/decision-principles.md')).toEqual([]);
  });
});
