// What the first bytes say a file is, so a document that is not a .docx gets a message that
// tells its author what to do rather than a zip parser's complaint.

import { DocxError } from './errors.js';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from('PK\u0003\u0004', 'latin1');
const EMPTY_ZIP = Buffer.from('PK\u0005\u0006', 'latin1');

export function sniff(bytes: Buffer): void {
  if (bytes.length === 0) throw new DocxError('empty', 'File is empty');
  if (bytes.subarray(0, 8).equals(OLE)) {
    // Word encrypts a password-protected .docx into an OLE container with these streams.
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new DocxError('docx-encrypted', 'File is password-protected; remove the password in Word (File › Info › Protect Document) and save it as .docx');
    }
    throw new DocxError('docx-legacy', 'File is a Word 97–2003 (.doc) document, not .docx; open it in Word and save as .docx');
  }
  if (bytes.subarray(0, 5).toString('latin1') === '{\\rtf') {
    throw new DocxError('docx-not-zip', 'File is Rich Text (RTF), not .docx; open it in Word and save as .docx');
  }
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw new DocxError('docx-not-zip', 'File is a PDF, not a Word document');
  }
  if (bytes.subarray(0, 4).equals(EMPTY_ZIP)) {
    throw new DocxError('docx-not-word', 'File is an empty zip archive, not a Word document');
  }
  if (!bytes.subarray(0, 4).equals(ZIP)) {
    throw new DocxError('docx-not-zip', 'File is not a Word document (a .docx is a zip archive and this is not one)');
  }
}
