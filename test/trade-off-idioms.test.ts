// Blind test six (fixtures/blind/FINDINGS.md R6-5): the softer signs of a choice (three of them
// make trade-offs) were read in idioms that choose nothing: "to stay ahead of the curve" (a race),
// "many times over" (an amount). With one real "rather than", a weak vision read as saying what it
// would not do. In our own words.
import { describe, expect, it } from 'vitest';
import { findingsIn } from './support/judgement.js';

const vision = (extra: string) => `---
date: 2026-01-01
---

# Harbourside Freight: Digital Vision 2032

## Why we must change

The market is changing fast. To stay ahead of the game, we must move from being a trucking firm to a data business that moves goods.

## The value we will create

**For our engineers**, it will free them to build new products rather than keeping old systems alive.

## What it costs

We expect the programme to pay for itself many times over through lower fuel and repair bills.

## Key initiatives

Build a new customer app.

Replace the ERP platform.

Launch a driver wellbeing portal.
${extra}`;

describe('idioms that hold a word of choice (no-trade-offs)', () => {
  it('are no trade-offs', async () => {
    expect(await findingsIn(vision(''), 'no-trade-offs')).toContainEqual('11: No trade-offs: nothing says what comes first or what will not be done');
  });

  it('leave real choices what they are', async () => {
    const found = await findingsIn(vision('\nWe will fix the depot Wi-Fi ahead of any new app.\n\nWe will buy tracking software instead of building our own.\n'), 'no-trade-offs');
    expect(found.some((f) => f.includes('No trade-offs'))).toBe(false);
  });
});
