// Reading parts out of the zip container without trusting it. Sizes and compression ratios
// are checked from the central directory before anything is inflated, inflating stops at the
// size an entry declares (adm-zip caps zlib's output at it), and the total is bounded.

import AdmZip from 'adm-zip';
import { DocxError, megabytes } from './errors.js';

export interface ZipLimits {
  /** Largest inflated size of one part. */
  maxPartBytes: number;
  /** Largest inflated size of all the parts read, together. */
  maxTotalBytes: number;
  /** Highest compressed:inflated ratio tolerated for a part over `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
}

// A 20,000-word document.xml is a few megabytes and compresses about 10:1; zip bombs sit near
// deflate's ceiling of about 1000:1.
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
};

type Entry = AdmZip.IZipEntry;

export class ZipPackage {
  private readonly entries = new Map<string, Entry>();
  private readonly limits: ZipLimits;
  private inflated = 0;

  constructor(bytes: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
    this.limits = limits;
    let zip: AdmZip;
    try {
      zip = new AdmZip(bytes, { readEntries: true });
    } catch (error) {
      throw new DocxError('docx-corrupt', `File is a damaged or incomplete zip archive, so not a readable .docx (${reason(error)})`);
    }
    // Part names in a package are case-insensitive (ECMA-376 part 2, 9.1.1.1).
    // Two entries that differ only in case are one part twice: which one Word would read is
    // anyone's guess, so such a package is refused rather than read from either.
    for (const entry of zip.getEntries()) {
      if (entry.isDirectory) continue;
      const name = entry.entryName.replace(/^\/+/, '');
      const twin = this.entries.get(name.toLowerCase());
      if (twin) {
        throw new DocxError(
          'docx-duplicate-part',
          `File holds both ${twin.entryName} and ${entry.entryName}, one part under two names (part names ignore case), so it is not a valid .docx`,
        );
      }
      this.entries.set(name.toLowerCase(), entry);
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  get names(): string[] {
    return [...this.entries.keys()];
  }

  /** What the parts say they inflate to, together: read from the central directory, inflating nothing. */
  get declaredBytes(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.header.size;
    return total;
  }

  /** The part's bytes, or null when the package has no such part. */
  read(name: string): Buffer | null {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return null;
    const { header } = entry;
    if (header.encrypted) {
      throw new DocxError('docx-encrypted', `File is password-protected (${name} is encrypted); remove the password in Word and save it again`);
    }
    if (header.method !== 0 && header.method !== 8) {
      throw new DocxError('docx-corrupt', `${name} uses compression method ${header.method}, which Word never writes`);
    }
    const declared = header.size;
    if (declared > this.limits.maxPartBytes) {
      throw new DocxError('docx-zip-bomb', `${name} would inflate to ${megabytes(declared)}, over the ${megabytes(this.limits.maxPartBytes)} limit for one part (a zip bomb?)`);
    }
    const ratio = declared / Math.max(1, header.compressedSize);
    if (declared > this.limits.ratioFloorBytes && ratio > this.limits.maxRatio) {
      throw new DocxError('docx-zip-bomb', `${name} is compressed ${Math.round(ratio)}:1, far beyond any real document (a zip bomb?)`);
    }
    if (this.inflated + declared > this.limits.maxTotalBytes) {
      throw new DocxError('docx-zip-bomb', `The parts stratlint reads would inflate to over ${megabytes(this.limits.maxTotalBytes)} (a zip bomb?)`);
    }
    let data: Buffer;
    try {
      data = entry.getData();
    } catch (error) {
      const message = reason(error);
      if (/exceeds the declared|ERR_BUFFER_TOO_LARGE|larger than/i.test(message) || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new DocxError('docx-zip-bomb', `${name} inflates past the ${megabytes(declared)} its zip entry declares (a zip bomb?)`);
      }
      if (/crc/i.test(message)) throw new DocxError('docx-corrupt', `${name} is damaged (its checksum does not match)`);
      throw new DocxError('docx-corrupt', `${name} cannot be inflated (${message}); the file is damaged`);
    }
    this.inflated += data.length;
    return data;
  }
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^ADM-ZIP:\s*/, '').split('\n')[0]!.trim();
}

/**
 * The package again with `parts` replaced or added (part names as the package spells them, or
 * new ones). Every other entry is copied as it was stored, still compressed, so it comes out
 * byte for byte; new entries take the main document's timestamp, so the output is repeatable.
 */
export function rewriteParts(bytes: Buffer, parts: ReadonlyMap<string, Buffer>, timeOf: string): Buffer {
  const zip = new AdmZip(bytes, { readEntries: true });
  const byName = new Map(zip.getEntries().map((e) => [e.entryName.replace(/^\/+/, '').toLowerCase(), e]));
  const time = byName.get(timeOf.toLowerCase())?.header.time;
  for (const [name, data] of parts) {
    const entry = byName.get(name.toLowerCase());
    if (entry) zip.updateFile(entry, data);
    else {
      zip.addFile(name, data);
      const added = zip.getEntry(name);
      if (added && time) added.header.time = time;
    }
  }
  return zip.toBuffer();
}
