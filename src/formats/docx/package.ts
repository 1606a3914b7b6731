// The package around the document: which part is the main document, the parts it relates to
// (styles, numbering, comments, hyperlink targets), and the core properties.

import { posix } from 'node:path';
import { DocxError } from './errors.js';
import { parseXml } from './xml.js';
import type { ZipPackage } from './zip.js';

export interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

/** Relationships of a part, by id. Targets of internal parts are resolved to part names. */
export function readRelationships(zip: ZipPackage, part: string): Map<string, Relationship> {
  const relsPart = posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
  const bytes = zip.read(relsPart);
  const rels = new Map<string, Relationship>();
  if (!bytes) return rels;
  parseXml(bytes, relsPart, {
    open(el) {
      if (el.name !== 'pr:Relationship') return;
      const id = el.attr('Id');
      const type = el.attr('Type') ?? '';
      const target = el.attr('Target') ?? '';
      if (!id) return;
      const external = el.attr('TargetMode') === 'External';
      rels.set(id, { type, target: external ? target : resolvePart(part, target), external });
    },
    close() {},
    text() {},
  });
  return rels;
}

function resolvePart(source: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(source), target);
  return posix.normalize(path).replace(/^(\.\.\/)+/, '');
}

/** Relationship types end the same way in transitional and strict OOXML. */
export function relationshipOf(rels: Map<string, Relationship>, kind: string): Relationship | undefined {
  for (const rel of rels.values()) if (rel.type.endsWith(`/${kind}`)) return rel;
  return undefined;
}

/** The main document part; a zip without one is not a Word document. */
export function mainDocumentPart(zip: ZipPackage): string {
  const rel = relationshipOf(readRelationships(zip, ''), 'officeDocument');
  if (rel && zip.has(rel.target) && /\.xml$/i.test(rel.target) && !/^(xl|ppt)\//i.test(rel.target)) return rel.target;
  if (zip.has('word/document.xml')) return 'word/document.xml';
  throw new DocxError('docx-not-word', `File is a zip archive but not a Word document (it has no word/document.xml${otherKind(zip)})`);
}

function otherKind(zip: ZipPackage): string {
  if (zip.has('xl/workbook.xml')) return '; it looks like an Excel workbook';
  if (zip.has('ppt/presentation.xml')) return '; it looks like a PowerPoint presentation';
  if (zip.has('mimetype') && zip.has('content.xml')) return '; it looks like an OpenDocument file: save it as .docx';
  return '';
}

export interface CoreProperties {
  title?: string;
  creator?: string;
  created?: string;
  modified?: string;
}

export function readCoreProperties(zip: ZipPackage): CoreProperties {
  const rel = relationshipOf(readRelationships(zip, ''), 'core-properties');
  const part = rel && zip.has(rel.target) ? rel.target : 'docProps/core.xml';
  const bytes = zip.read(part);
  const props: CoreProperties = {};
  if (!bytes) return props;
  const wanted: Record<string, keyof CoreProperties> = {
    'dc:title': 'title',
    'dc:creator': 'creator',
    'dcterms:created': 'created',
    'dcterms:modified': 'modified',
  };
  let current: keyof CoreProperties | null = null;
  let value = '';
  parseXml(bytes, part, {
    open(el) {
      current = wanted[el.name] ?? null;
      value = '';
    },
    close() {
      if (current && value.trim()) props[current] = value.trim();
      current = null;
    },
    text(t) {
      if (current) value += t;
    },
  });
  return props;
}

/**
 * Custom document properties (File › Properties › Custom in Word; pandoc writes a Markdown
 * file's front matter here): the same facts front matter gives a Markdown document.
 */
export function readCustomProperties(zip: ZipPackage): Record<string, string> {
  const rel = relationshipOf(readRelationships(zip, ''), 'custom-properties');
  const part = rel && zip.has(rel.target) ? rel.target : 'docProps/custom.xml';
  const bytes = zip.read(part);
  const props: Record<string, string> = {};
  if (!bytes) return props;
  let name: string | null = null;
  let value = '';
  parseXml(bytes, part, {
    open(el) {
      if (el.name === 'op:property') {
        name = el.attr('name') ?? null;
        value = '';
      }
    },
    close(elName) {
      if (elName === 'op:property' && name && value.trim()) props[name] = value.trim();
      if (elName === 'op:property') name = null;
    },
    text(t) {
      if (name) value += t;
    },
  });
  return props;
}
