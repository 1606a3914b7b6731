// Reads a rule's documentation (rules/<id>.md) into RuleTester cases, so the examples in the
// docs are the tests and cannot go stale.
//
// A failing example is a ```markdown fail``` block followed by a ```text expect``` block with one
// "line:column message" per expected finding; a passing example is a ```markdown pass``` block.
// Options for the rule may follow as JSON on the fence line: ```markdown fail {"maxYears": 3}```.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Code, Root } from 'mdast';
import { packageRoot } from '../core/package-root.js';
import type { InvalidCase, ValidCase } from './rule-tester.js';

export interface DocExamples {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

export function ruleDocPath(id: string): string {
  return join(packageRoot(), 'rules', `${id}.md`);
}

export function readRuleExamples(id: string): DocExamples {
  return parseRuleExamples(readFileSync(ruleDocPath(id), 'utf8'), id);
}

export function parseRuleExamples(markdown: string, source = 'doc'): DocExamples {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const blocks = tree.children.filter((n): n is Code => n.type === 'code');
  const valid: ValidCase[] = [];
  const invalid: InvalidCase[] = [];
  blocks.forEach((block, index) => {
    if (block.lang !== 'markdown' || !block.meta) return;
    const match = /^(fail|pass)\b(?:\s*(\{.*\}))?$/.exec(block.meta.trim());
    if (!match) return;
    const options = match[2] ? (JSON.parse(match[2]) as Record<string, unknown>) : undefined;
    const line = block.position?.start.line ?? 0;
    const name = `${source}.md line ${line} (${match[1]})`;
    if (match[1] === 'pass') {
      valid.push({ name, code: block.value + '\n', options });
      return;
    }
    const expect = blocks[index + 1];
    if (!expect || expect.lang !== 'text' || expect.meta?.trim() !== 'expect') {
      throw new Error(`${name}: a failing example must be followed by a \`\`\`text expect\`\`\` block`);
    }
    const errors = expect.value
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => {
        const m = /^(\d+):(\d+)\s+(\S.*)$/.exec(l.trim());
        if (!m) throw new Error(`${name}: cannot read expected finding "${l}" (want "line:column message")`);
        return { line: Number(m[1]), column: Number(m[2]), message: m[3]! };
      });
    invalid.push({ name, code: block.value + '\n', options, errors });
  });
  return { valid, invalid };
}
