// A small PDF writer for fixtures and the benchmark: pages of text set in the standard
// Helvetica fonts at given positions, plus raw objects for the deliberately broken files.
// Deterministic: the same input gives the same bytes.
import { deflateSync } from 'node:zlib';

const WIN_ANSI = { '•': 0x95, '–': 0x96, '—': 0x97, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '…': 0x85, '€': 0x80 };

/** A PDF string literal in WinAnsiEncoding. */
export function pdfString(text) {
  let out = '(';
  for (const ch of text) {
    const code = WIN_ANSI[ch] ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`not in WinAnsiEncoding: ${ch}`);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else out += String.fromCharCode(code);
  }
  return `${out})`;
}

/** Helvetica's average advance is about half an em; close enough to wrap lines. */
export function textWidth(text, size, bold = false) {
  return text.length * size * (bold ? 0.56 : 0.5);
}

/**
 * Builds a PDF. `pages` is a list of { width, height, items: [{ text, x, y, size, bold }], extra,
 * annots } where `extra` is raw content-stream text drawn after the items and `annots` inline
 * annotation dictionaries. `outline` is a list of bookmarks { title, depth, page }. Options: `info` (document
 * information strings), `objects` (extra objects, numbered after the pages: a string, or
 * { dict, data } for a stream), `resources` (added to every page's resources), `sharedContent`
 * (every page draws the first page's content), `catalog` (extra catalog entries),
 * `trailer` (extra trailer entries), `rawContent` (content stream bytes by page, as given), `compress` (Flate content streams),
 * `contentFilter` (a /Filter entry for content streams whose raw bytes are already encoded), `truncate` (bytes kept).
 */
export function buildPdf(pages, options = {}) {
  const objects = []; // index 0 is object 1
  const add = (body) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add(null);
  const pagesRoot = add(null);
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids = [];
  const resourcesExtra = options.resources ?? '';
  let shared = null;
  for (const page of pages) {
    if (options.sharedContent && shared) {
      kids.push(add(`<< /Type /Page /Parent ${pagesRoot} 0 R /MediaBox [0 0 ${page.width ?? 595} ${page.height ?? 842}] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> ${resourcesExtra}>> /Contents ${shared} 0 R >>`));
      continue;
    }
    let content = '';
    for (const item of page.items ?? []) {
      content += `BT /${item.bold ? 'F2' : 'F1'} ${item.size} Tf ${item.x.toFixed(2)} ${item.y.toFixed(2)} Td ${pdfString(item.text)} Tj ET\n`;
    }
    content += page.extra ?? '';
    const raw = options.rawContent?.[kids.length] ?? Buffer.from(content, 'latin1');
    const data = options.compress ? deflateSync(raw) : raw;
    const filter = options.contentFilter ?? (options.compress ? '/FlateDecode' : '');
    const stream = add({ dict: `/Length ${data.length}${filter ? ` /Filter ${filter}` : ''}`, data });
    shared = stream;
    const annots = page.annots?.length ? ` /Annots [${page.annots.join(' ')}]` : '';
    kids.push(add(`<< /Type /Page /Parent ${pagesRoot} 0 R /MediaBox [0 0 ${page.width ?? 595} ${page.height ?? 842}] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> ${resourcesExtra}>> /Contents ${stream} 0 R${annots} >>`));
  }
  // Bookmarks: { title, depth, page } in order; each nests under the last one a level up.
  let outlineRoot = null;
  if (options.outline?.length) {
    outlineRoot = add(null);
    const nodes = options.outline.map((o) => ({ ...o, id: add(null), children: [] }));
    const top = [];
    const stack = [];
    for (const node of nodes) {
      while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
      const parent = stack[stack.length - 1];
      node.parent = parent ? parent.id : outlineRoot;
      (parent ? parent.children : top).push(node);
      stack.push(node);
    }
    const link = (list) =>
      list.forEach((node, i) => {
        const kin = `${i > 0 ? ` /Prev ${list[i - 1].id} 0 R` : ''}${i + 1 < list.length ? ` /Next ${list[i + 1].id} 0 R` : ''}`;
        const children = node.children.length ? ` /First ${node.children[0].id} 0 R /Last ${node.children[node.children.length - 1].id} 0 R /Count ${node.children.length}` : '';
        objects[node.id - 1] = `<< /Title ${pdfString(node.title)} /Parent ${node.parent} 0 R${kin}${children} /Dest [${kids[(node.page ?? 1) - 1]} 0 R /XYZ null null null] >>`;
        link(node.children);
      });
    link(top);
    objects[outlineRoot - 1] = `<< /Type /Outlines /First ${top[0].id} 0 R /Last ${top[top.length - 1].id} 0 R /Count ${top.length} >>`;
  }
  for (const raw of options.objects ?? []) add(raw);
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesRoot} 0 R${outlineRoot ? ` /Outlines ${outlineRoot} 0 R` : ''}${options.catalog ?? ''} >>`;
  objects[pagesRoot - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${options.count ?? kids.length} >>`;
  // Information strings in UTF-16BE with its byte order mark, as the spec has for non-Latin text.
  const utf16 = (v) => `<feff${Buffer.from(v, 'utf16le').swap16().toString('hex')}>`;
  const info = options.info ? add(`<< ${Object.entries(options.info).map(([k, v]) => `/${k} ${/^D:/.test(v) ? pdfString(v) : utf16(v)}`).join(' ')} >>`) : null;

  const chunks = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0].length;
  const offsets = [];
  const push = (buffer) => {
    chunks.push(buffer);
    length += buffer.length;
  };
  objects.forEach((body, i) => {
    offsets.push(length);
    if (typeof body === 'string') push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
    else {
      push(Buffer.from(`${i + 1} 0 obj\n<< ${body.dict} >>\nstream\n`, 'latin1'));
      push(body.data);
      push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    }
  });
  const xref = length;
  let table = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) table += `${String(offset).padStart(10, '0')} 00000 n \n`;
  table += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''}${options.trailer ?? ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  push(Buffer.from(table, 'latin1'));
  const pdf = Buffer.concat(chunks);
  return options.truncate ? pdf.subarray(0, options.truncate) : pdf;
}

/** Words wrapped into lines no wider than `width` points at `size`. */
export function wrap(text, width, size, bold = false) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Sets blocks ({ kind: 'heading' | 'paragraph' | 'bullet', text, level }) on A4 pages, in one or
 * two columns, with an optional running header and footer (`{page}` becomes the page number).
 */
export function typeset(blocks, { columns = 1, header, footer, size = 11, info, compress, maxPages = Infinity } = {}) {
  const width = 595;
  const height = 842;
  const margin = 64;
  const gutter = 24;
  const columnWidth = (width - 2 * margin - (columns - 1) * gutter) / columns;
  const top = height - margin - 20;
  const bottom = margin + 20;
  const pages = [];
  let page = null;
  let column = 0;
  let y = top;
  const newPage = () => {
    page = { width, height, items: [] };
    pages.push(page);
    column = 0;
    y = top;
  };
  const advance = (needed) => {
    if (!page) newPage();
    if (y - needed < bottom) {
      if (column + 1 < columns) {
        column++;
        y = top;
      } else newPage();
    }
  };
  for (const block of blocks) {
    const heading = block.kind === 'heading';
    const blockSize = heading ? size + (block.level === 1 ? 7 : block.level === 2 ? 4 : 2) : size;
    const indent = block.kind === 'bullet' ? 18 * (block.level ?? 1) : 0;
    const lines = wrap(block.text, columnWidth - indent, blockSize, heading);
    const leading = blockSize * 1.25;
    advance(heading ? leading * 3 : leading);
    lines.forEach((text, i) => {
      advance(leading);
      const x = margin + column * (columnWidth + gutter) + indent;
      if (block.kind === 'bullet' && i === 0) page.items.push({ text: '•', x: x - 12, y, size: blockSize });
      page.items.push({ text, x, y, size: blockSize, bold: heading });
      y -= leading;
    });
    y -= blockSize * 0.6;
  }
  pages.splice(maxPages);
  pages.forEach((p, i) => {
    const fill = (template) => template.replace('{page}', String(i + 1)).replace('{pages}', String(pages.length));
    if (header) p.items.push({ text: fill(header), x: margin, y: height - 40, size: 9 });
    if (footer) {
      const text = fill(footer);
      p.items.push({ text, x: (width - textWidth(text, 9)) / 2, y: 36, size: 9 });
    }
  });
  return buildPdf(pages, { info, compress });
}
