// A problem with a PDF file as a whole: one line a person can act on, with a stable code.

import { FormatError } from '../errors.js';

export class PdfError extends FormatError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'PdfError';
  }
}
