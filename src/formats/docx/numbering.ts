// List numbering: whether a numbered paragraph is a bullet, an ordered item or not a list at
// all (numFmt "none", which LibreOffice uses for outline numbering of headings).

import { parseXml } from './xml.js';

export type ListKind = 'bullet' | 'ordered' | 'none';

interface Level {
  format?: string;
  start?: number;
}

interface Num {
  abstractId: string;
  overrides: Map<number, Level>;
}

export interface ListLevel {
  kind: ListKind;
  start: number;
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, Num>();

  static parse(bytes: Uint8Array | null, part: string): Numbering {
    const numbering = new Numbering();
    if (bytes) numbering.read(bytes, part);
    return numbering;
  }

  private read(bytes: Uint8Array, part: string): void {
    let levels: Map<number, Level> | null = null;
    let num: Num | null = null;
    let level: Level | null = null;
    let overrideLevel = -1;
    parseXml(bytes, part, {
      open: (el) => {
        const val = el.attr('w:val');
        switch (el.name) {
          case 'w:abstractNum':
            levels = new Map();
            this.abstracts.set(el.attr('w:abstractNumId') ?? '', levels);
            break;
          case 'w:num':
            num = { abstractId: '', overrides: new Map() };
            this.nums.set(el.attr('w:numId') ?? '', num);
            break;
          case 'w:abstractNumId':
            if (num) num.abstractId = val ?? '';
            break;
          case 'w:lvlOverride':
            overrideLevel = Number(el.attr('w:ilvl') ?? -1);
            if (num && overrideLevel >= 0) num.overrides.set(overrideLevel, {});
            break;
          case 'w:startOverride':
            if (num && overrideLevel >= 0) num.overrides.get(overrideLevel)!.start = Number(val);
            break;
          case 'w:lvl': {
            const ilvl = Number(el.attr('w:ilvl') ?? 0);
            if (num && overrideLevel >= 0) level = num.overrides.get(overrideLevel) ?? null;
            else if (levels) {
              level = {};
              levels.set(ilvl, level);
            }
            break;
          }
          case 'w:numFmt':
            if (level) level.format = val;
            break;
          case 'w:start':
            if (level && level.start === undefined) level.start = Number(val);
            break;
        }
      },
      close: (name) => {
        if (name === 'w:abstractNum') levels = null;
        else if (name === 'w:num') num = null;
        else if (name === 'w:lvl') level = null;
        else if (name === 'w:lvlOverride') overrideLevel = -1;
      },
      text() {},
    });
  }

  /** The list a paragraph with this numbering belongs to; null when it is not numbered. */
  level(numId: string | undefined, ilvl: number): ListLevel | null {
    // numId 0 is Word's way of switching numbering off for a paragraph.
    if (numId === undefined || numId === '0') return null;
    const num = this.nums.get(numId);
    if (!num) return null;
    const override = num.overrides.get(ilvl);
    const base = this.abstracts.get(num.abstractId)?.get(ilvl);
    const format = override?.format ?? base?.format ?? 'bullet';
    const start = override?.start ?? base?.start ?? 1;
    return { kind: format === 'none' ? 'none' : format === 'bullet' ? 'bullet' : 'ordered', start: Number.isFinite(start) ? start : 1 };
  }
}
