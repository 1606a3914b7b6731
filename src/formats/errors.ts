// A problem with a document file as a whole, raised by a format adapter. `code` is stable for
// machines; the message is one line a person can act on. loadDocument turns it into a FileError.

export class FormatError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'FormatError';
    this.code = code;
  }
}

export function megabytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
}
