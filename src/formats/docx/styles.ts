// Paragraph styles: which are headings, titles, quotations, dates or lists. Decided by the
// style's *name* and outline level, never its id, which Word localises ("Überschrift1").

import { parseXml } from './xml.js';

interface StyleRecord {
  name: string;
  basedOn?: string;
  outlineLevel?: number;
  numId?: string;
  ilvl?: number;
}

export type StyleRole = 'title' | 'heading' | 'quote' | 'date' | 'toc' | 'body';

export interface ParagraphStyle {
  role: StyleRole;
  /** 1-based heading depth when role is 'heading' or 'title'. */
  depth: number;
  /** Numbering the style carries (Word's "List Bullet" and "List Number" do). */
  numId?: string;
  ilvl?: number;
}

const QUOTE_NAMES = new Set(['quote', 'intense quote', 'block text', 'quotations']);
const BODY: ParagraphStyle = { role: 'body', depth: 0 };

export class Styles {
  private readonly records = new Map<string, StyleRecord>();
  private readonly resolved = new Map<string, ParagraphStyle>();
  private defaultId: string | undefined;

  static parse(bytes: Uint8Array | null, part: string): Styles {
    const styles = new Styles();
    if (bytes) styles.read(bytes, part);
    return styles;
  }

  private read(bytes: Uint8Array, part: string): void {
    let current: StyleRecord | null = null;
    let id = '';
    // pPrChange and friends hold properties as they were before a tracked change.
    let skip = 0;
    parseXml(bytes, part, {
      open: (el) => {
        if (skip) {
          skip++;
          return;
        }
        if (el.name === 'w:pPrChange' || el.name === 'w:rPrChange') {
          skip = 1;
          return;
        }
        if (el.name === 'w:style') {
          current = el.attr('w:type') === 'paragraph' || !el.attr('w:type') ? { name: '' } : null;
          id = el.attr('w:styleId') ?? '';
          if (current && el.attr('w:default') && /^(1|true|on)$/.test(el.attr('w:default')!)) this.defaultId = id;
          return;
        }
        if (!current) return;
        const val = el.attr('w:val');
        switch (el.name) {
          case 'w:name':
            current.name = (val ?? '').trim().toLowerCase();
            break;
          case 'w:basedOn':
            current.basedOn = val;
            break;
          case 'w:outlineLvl':
            if (val !== undefined && /^\d+$/.test(val)) current.outlineLevel = Number(val);
            break;
          case 'w:numId':
            current.numId = val;
            break;
          case 'w:ilvl':
            if (val !== undefined && /^\d+$/.test(val)) current.ilvl = Number(val);
            break;
        }
      },
      close: (name) => {
        if (skip) {
          skip--;
          return;
        }
        if (name === 'w:style' && current) {
          if (id) this.records.set(id, current);
          current = null;
        }
      },
      text() {},
    });
  }

  /** What a paragraph with this style id (or none, meaning the default style) is. */
  style(styleId: string | undefined): ParagraphStyle {
    const id = styleId ?? this.defaultId;
    if (!id) return BODY;
    const hit = this.resolved.get(id);
    if (hit) return hit;
    const style = this.resolve(id);
    this.resolved.set(id, style);
    return style;
  }

  private resolve(id: string): ParagraphStyle {
    let role: StyleRole | undefined;
    let depth = 0;
    let numId: string | undefined;
    let ilvl: number | undefined;
    const seen = new Set<string>();
    // Walk up basedOn; the nearest style that says something wins. Only headings are
    // inherited by name: a Subtitle based on Title is not a title.
    for (let s = this.records.get(id), sid = id; s && !seen.has(sid) && seen.size < 64; sid = s.basedOn ?? '', s = this.records.get(sid)) {
      const own = seen.size === 0;
      seen.add(sid);
      if (!role) {
        const named = roleByName(s.name);
        if (named && (own || named.role === 'heading')) {
          role = named.role;
          depth = named.depth;
        } else if (s.outlineLevel !== undefined) {
          role = s.outlineLevel < 9 ? 'heading' : 'body';
          depth = s.outlineLevel + 1;
        }
      }
      if (numId === undefined && s.numId !== undefined) {
        numId = s.numId;
        ilvl = s.ilvl;
      }
    }
    return { role: role ?? 'body', depth: role === 'body' ? 0 : depth, numId, ilvl };
  }
}

function roleByName(name: string): { role: StyleRole; depth: number } | null {
  if (name === 'title') return { role: 'title', depth: 1 };
  const heading = /^heading\s*([1-9])$/.exec(name);
  if (heading) return { role: 'heading', depth: Number(heading[1]) };
  if (QUOTE_NAMES.has(name)) return { role: 'quote', depth: 0 };
  if (name === 'date') return { role: 'date', depth: 0 };
  if (/^(toc\s*\d|toc heading|table of figures)$/.test(name)) return { role: 'toc', depth: 0 };
  return null;
}
