#!/usr/bin/env node
// Part of `npm run build`: writes dist/lexicons.json, the shipped lexicons' terms as parsed
// from rules/lexicons/*.yml, so that start-up reads JSON instead of parsing YAML. stratlint
// falls back to the YAML by itself when a file has changed since.
import { writeFileSync } from 'node:fs';
import { compileLexicons, compiledLexiconsPath } from '../dist/src/analysis/lexicons.js';

const compiled = compileLexicons();
// A regular-expression term is written /…/ with no flags (terms are matched ignoring case, in
// Unicode); one written /…/u would otherwise be read as a literal phrase and never match.
const flagged = Object.entries(compiled.terms).flatMap(([name, terms]) =>
  terms.filter((t) => /^\/.+\/[a-z]+$/.test(t.trim())).map((t) => `rules/lexicons/${name}.yml: ${t}`),
);
if (flagged.length) {
  console.error(`Regular-expression terms take no flags (write /…/):\n${flagged.join('\n')}`);
  process.exit(1);
}
writeFileSync(compiledLexiconsPath(), JSON.stringify(compiled) + '\n');
