#!/usr/bin/env node
// Part of `npm run build`: writes dist/lexicons.json, the shipped lexicons' terms as parsed
// from rules/lexicons/*.yml, so that start-up reads JSON instead of parsing YAML. stratlint
// falls back to the YAML by itself when a file has changed since.
import { writeFileSync } from 'node:fs';
import { compileLexicons, compiledLexiconsPath } from '../dist/src/analysis/lexicons.js';

writeFileSync(compiledLexiconsPath(), JSON.stringify(compileLexicons()) + '\n');
