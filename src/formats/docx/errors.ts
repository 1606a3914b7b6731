// A problem with a Word file as a whole. `code` is stable for machines; the message is one
// line a person can act on.

import { FormatError } from '../errors.js';

export { megabytes } from '../errors.js';

export class DocxError extends FormatError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'DocxError';
  }
}
