#!/usr/bin/env node
// Prints what each example in a rule's doc actually reports, to write or check its
// ```text expect``` blocks: node scripts/rule-examples.js vague-goals
import { builtinRules } from '../dist/rules/index.js';
import { RuleTester } from '../dist/src/testing/rule-tester.js';
import { readRuleExamples } from '../dist/src/testing/rule-docs.js';

const tester = new RuleTester();
for (const id of process.argv.slice(2)) {
  const rule = builtinRules.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`no rule ${id}`);
  const { valid, invalid } = readRuleExamples(id);
  for (const c of [...invalid, ...valid]) {
    const problems = tester.verify(rule, c);
    console.log(`${problems.length ? 'FAIL' : 'ok  '} ${c.name}`);
    for (const f of tester.lint(rule, c)) console.log(`       ${f.line}:${f.column} ${f.message}`);
    for (const p of problems) console.log(`     ! ${p}`);
  }
}
