// Every rule's documented examples, run as tests: the docs cannot go stale.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { builtinRules } from '../dist/rules/index.js';
import { RuleTester } from '../dist/src/testing/rule-tester.js';
import { readRuleExamples, ruleDocPath } from '../dist/src/testing/rule-docs.js';

RuleTester.describe = describe;
RuleTester.it = it;
const tester = new RuleTester();

for (const rule of builtinRules) {
  describe(`rules/${rule.meta.id}.md`, () => {
    it('exists and has failing and passing examples', () => {
      expect(existsSync(ruleDocPath(rule.meta.id))).toBe(true);
      // Found across the documents of a run; tested in bulk.test.ts.
      if (rule.meta.acrossDocuments) return;
      const examples = readRuleExamples(rule.meta.id);
      expect(examples.invalid.length).toBeGreaterThan(0);
      expect(examples.valid.length).toBeGreaterThan(0);
    });
  });
  if (existsSync(ruleDocPath(rule.meta.id)) && !rule.meta.acrossDocuments) tester.run(rule, readRuleExamples(rule.meta.id));
}
