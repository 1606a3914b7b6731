// Streaming XML for package parts. saxes never expands entities it was not given, and a part
// with a DTD is refused outright: OOXML parts never carry one, so a DOCTYPE can only be an
// attempt at entity expansion ("billion laughs").

import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { DocxError } from './errors.js';

// Short names for the namespaces stratlint reads; transitional and strict OOXML share them.
const PREFIXES: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'pr',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties': 'op',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.microsoft.com/office/word/2012/wordml': 'w15',
  'http://purl.oclc.org/ooxml/officeDocument/customProperties': 'op',
};

/**
 * saxes looks a namespace prefix up through every open element, so its time grows with the
 * depth of nesting times the number of elements: tables nested 20,000 deep in a 5 KB file took
 * 84 s. A body is a dozen elements deep, and a few more for each table within a table.
 */
export const MAX_XML_DEPTH = 256;

export interface XmlElement {
  /** "w:p", "r:id", …; elements in other namespaces get "?:" and their local name. */
  name: string;
  attr(name: string): string | undefined;
}

/** `end` is where the tag ends in the decoded text (one past its ">"), for writing back into the part. */
export interface XmlHandlers {
  open(element: XmlElement, end: number): void;
  close(name: string, end: number): void;
  text(value: string): void;
}

function qualify(uri: string, local: string): string {
  return `${PREFIXES[uri] ?? '?'}:${local}`;
}

class Element implements XmlElement {
  readonly name: string;
  private readonly attributes: Record<string, SaxesAttributeNS>;

  constructor(tag: SaxesTagNS) {
    this.name = qualify(tag.uri, tag.local);
    this.attributes = tag.attributes;
  }

  attr(name: string): string | undefined {
    for (const key in this.attributes) {
      const a = this.attributes[key]!;
      // Unprefixed attributes (Id, Type, Target in relationship parts) have no namespace.
      if ((a.uri ? qualify(a.uri, a.local) : a.local) === name) return a.value;
    }
    return undefined;
  }
}

export function decodeXml(bytes: Uint8Array, part: string): string {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    // TextDecoder drops a byte-order mark by itself.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new DocxError('docx-xml', `${part} is not valid ${encoding.toUpperCase()} text; the file is damaged`);
  }
}

/** Parses a part and returns its decoded text, which the handlers' positions refer to. */
export function parseXml(bytes: Uint8Array, part: string, handlers: XmlHandlers): string {
  const parser = new SaxesParser({ xmlns: true, position: false });
  parser.on('doctype', () => {
    throw new DocxError('docx-dtd', `${part} declares a DTD, which Word never writes; refusing it, since its entities could expand without limit`);
  });
  parser.on('error', (error) => {
    throw new DocxError('docx-xml', `${part} is not well-formed XML (${error.message.replace(/^[^:]*:\d+:\d+:\s*/, '')}); the file is damaged`);
  });
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (++depth > MAX_XML_DEPTH) {
      throw new DocxError('docx-too-deep', `${part} nests elements more than ${MAX_XML_DEPTH} deep (tables within tables?), which Word does not write; refusing it`);
    }
    handlers.open(new Element(tag), parser.position);
  });
  parser.on('closetag', (tag) => {
    depth--;
    handlers.close(qualify(tag.uri, tag.local), parser.position);
  });
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  const source = decodeXml(bytes, part);
  parser.write(source).close();
  return source;
}
