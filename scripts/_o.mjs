import { readFileSync } from 'node:fs';
import { Analysis } from '../dist/src/analysis/index.js';
import { buildLexicons } from '../dist/src/analysis/lexicons.js';
import { markdownDocument } from '../dist/src/formats/markdown.js';
const a = new Analysis(markdownDocument('x.md', readFileSync(process.argv[2], 'utf8')), { lexicons: buildLexicons() });
for (const o of a.objectives) if (new RegExp(process.argv[3]).test(o.text)) console.log(o.kind, JSON.stringify(o.text.slice(0, 60)), 'measure', o.measure?.text ?? o.measure?.match?.text ?? !!o.measure, 'deadline', o.deadline?.text ?? o.deadline?.match?.text ?? !!o.deadline, 'parent', o.parent?.text?.slice(0, 40), 'sentences', o.sentences.map(s=>s.text.slice(0,30)));
