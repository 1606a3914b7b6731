#!/usr/bin/env node
// Prints the commitments stratlint finds in documents, one a line: where, what shape, whether it
// has a measure (M), a deadline (D) and an owner (O), its parent, and its words. For reading the
// commitment model against a document by eye:  node scripts/commitments.js strategy.md
import { readFileSync } from 'node:fs';
import { Analysis } from '../dist/src/analysis/index.js';
import { buildLexicons } from '../dist/src/analysis/lexicons.js';
import { loadDocument } from '../dist/src/formats/index.js';

const lexicons = buildLexicons();
for (const path of process.argv.slice(2)) {
  const loaded = await loadDocument(path, readFileSync(path));
  if (!loaded.ok) {
    console.error(`${path}: ${loaded.error.message}`);
    continue;
  }
  const analysis = new Analysis(loaded.doc, { lexicons });
  const objectives = analysis.objectives;
  console.log(`${path}: ${objectives.length} commitments`);
  for (const o of objectives) {
    const at = loaded.doc.toPoint(o.start);
    const flags = `${o.measure ? 'M' : '-'}${o.deadline ? 'D' : '-'}${o.owner ? 'O' : '-'}`;
    const parent = o.parent ? ` ^${loaded.doc.toPoint(o.parent.start).line}` : '';
    console.log(`  ${String(at.line).padStart(4)} ${o.kind.padEnd(10)} ${flags}${parent.padEnd(6)} ${o.text.replace(/\s+/g, ' ').slice(0, 110)}`);
  }
}
