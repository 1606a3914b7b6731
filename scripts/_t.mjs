import { Analysis } from '../dist/src/analysis/index.js';
import { buildLexicons } from '../dist/src/analysis/lexicons.js';
import { markdownDocument } from '../dist/src/formats/markdown.js';
const a = new Analysis(markdownDocument('x.md', `---\ndate: 2025-01-01\n---\n\n# X\n\n${process.argv[2]}\n`), { lexicons: buildLexicons() });
for (const s of a.sentences) { console.log(s.text); console.log('  T', a.temporalOf(s).map(t => [t.match.kind, t.match.text])); console.log('  Q', a.quantitiesOf(s).map(q => q.match.text)); }
