#!/usr/bin/env node
// Remakes the Word fixtures in fixtures/docx/ from their sources in fixtures/docx/src/ with
// real word processors: pandoc and LibreOffice (Debian: apt-get install pandoc
// libreoffice-writer-nogui). See fixtures/docx/README.md.
import AdmZip from 'adm-zip';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { libreOfficeToDocx, libreOfficeVersion, pandoc, pandocReferenceDocx, pandocVersion } from './docx-convert.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = join(root, 'fixtures', 'docx');
const src = join(fixtures, 'src');

for (const [name, version] of [['pandoc', pandocVersion()], ['LibreOffice (soffice)', libreOfficeVersion()]]) {
  if (!version) {
    console.error(`${name} is not installed: apt-get install pandoc libreoffice-writer-nogui`);
    process.exit(1);
  }
  console.log(version);
}

/**
 * pandoc's reference document with the style ids German Word gives its built-in styles
 * ("berschrift1" for Heading 1) and the lower-case names Word stores for them.
 */
function germanReferenceDocx() {
  const zip = new AdmZip(pandocReferenceDocx());
  let styles = zip.readAsText('word/styles.xml');
  const ids = { TOCHeading: 'Inhaltsverzeichnisberschrift' };
  for (let n = 1; n <= 9; n++) ids[`Heading${n}`] = `berschrift${n}`;
  for (const [from, to] of Object.entries(ids)) {
    styles = styles.replaceAll(`w:styleId="${from}"`, `w:styleId="${to}"`).replaceAll(`w:val="${from}"`, `w:val="${to}"`);
  }
  styles = styles.replace(/<w:name w:val="Heading (\d)"/g, '<w:name w:val="heading $1"');
  zip.updateFile('word/styles.xml', Buffer.from(styles));
  return zip.toBuffer();
}

const work = mkdtempSync(join(tmpdir(), 'stratlint-fixtures-'));
try {
  const reference = join(work, 'reference-de.docx');
  writeFileSync(reference, germanReferenceDocx());
  const riverside = pandoc(join(src, 'riverside.md'), join(fixtures, 'riverside-pandoc.docx'), {
    args: ['--toc', '--reference-doc', reference],
  });
  const made = libreOfficeToDocx([riverside, join(src, 'harbour.fodt')], fixtures, (input) =>
    input.endsWith('.fodt') ? 'harbour-libreoffice.docx' : 'riverside-libreoffice.docx',
  );
  // A Word 97–2003 file, for the "save as .docx" message.
  made.push(...libreOfficeToDocx([join(src, 'harbour.fodt')], fixtures, () => 'harbour-word97.doc', 'doc:MS Word 97'));
  for (const file of [riverside, ...made]) console.log(`wrote ${file.slice(root.length + 1)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
