// `stratlint init`: a commented starter config listing every rule and its options.

import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinRules } from '../../rules/index.js';
import type { MainIO } from './main.js';

export function starterConfig(): string {
  const lines = [
    '# stratlint configuration. Docs: README.md, and rules/<rule-id>.md for each rule.',
    'extends: stratlint:recommended',
    '',
    '# The date horizons are measured from. Without it: the document\'s front matter `date`,',
    '# a date on its title page, or today.',
    '# referenceDate: 2025-04-01',
    '',
    '# Each rule: off, warn or error, or [severity, { options }].',
    'rules:',
  ];
  for (const rule of builtinRules) {
    const m = rule.meta;
    lines.push(`  # ${m.description}`);
    const options = Object.entries(m.options);
    if (options.length === 0) {
      lines.push(`  # ${m.id}: ${m.severity === 'warning' ? 'warn' : m.severity}`);
    } else {
      lines.push(`  # ${m.id}:`);
      lines.push(`  #   - ${m.severity === 'warning' ? 'warn' : m.severity}`);
      lines.push(`  #   - ${options.map(([k, o]) => `${k}: ${JSON.stringify(o.default)}`).join(', ').replace(/^/, '{ ').replace(/$/, ' }')}`);
    }
  }
  lines.push(
    '',
    '# Add your own words to the shipped lexicons (rules/lexicons/*.yml), for example:',
    '# lexicons:',
    '#   user-nouns: [tenants, pupils]',
    '#   hype-tech: [holographic consultations]',
    '',
  );
  return lines.join('\n');
}

export function writeStarterConfig(io: MainIO, force: boolean): number {
  const path = join(io.cwd, '.stratlintrc.yml');
  if (existsSync(path) && !force) {
    io.stderr.write(`stratlint: ${path} already exists; use --force to overwrite it\n`);
    return 2;
  }
  writeFileSync(path, starterConfig());
  io.stdout.write(`Wrote ${path}\n`);
  return 0;
}
