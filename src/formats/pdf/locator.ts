// Offsets in the synthesised text back to where a reader finds them in a PDF viewer: the page,
// the line on that page (counted in reading order, every line of text included) and the
// character in that line. "p.12:4:17".

import type { Point } from '../../core/types.js';
import { withHeadingPath } from '../heading-path.js';

/** A stretch of the synthesised text copied from one line of a page. */
export interface Segment {
  /** [offset, end) in the synthesised text. */
  offset: number;
  end: number;
  page: number;
  line: number;
  /** 1-based column, in the page line, of the segment's first character. */
  column: number;
}

/** Segments must be in text order and not overlap. */
export function pointFinder(segments: readonly Segment[], textLength: number): (offset: number) => Point {
  return (offset) => {
    const at = Math.max(0, Math.min(offset, textLength));
    let low = 0;
    let high = segments.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (segments[mid]!.offset <= at) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    const segment = segments[Math.max(0, found)];
    if (!segment) return { line: 1, column: 1, offset: at, page: 1 };
    // Between two segments (the space that joins two lines) is just past the end of the first.
    const within = found < 0 ? 0 : Math.min(at, segment.end) - segment.offset;
    return { line: segment.line, column: segment.column + within, offset: at, page: segment.page };
  };
}

/** "p.12:4:17 (Our priorities › Objectives)". */
export function locate(start: Point, headingPath: readonly string[]): string {
  return withHeadingPath(`p.${start.page ?? 1}:${start.line}:${start.column}`, headingPath);
}
