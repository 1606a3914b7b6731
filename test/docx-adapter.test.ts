// The DOCX adapter on a small package written here, for the markup that pandoc and
// LibreOffice do not produce but Word does: list styles, HYPERLINK fields, content controls,
// comments spanning paragraphs, mc:AlternateContent with text in both branches.
import { describe, expect, it } from 'vitest';
import AdmZip from 'adm-zip';
import type { List } from 'mdast';
import { docxDocument } from '../dist/src/formats/docx/index.js';
import { nodes } from './helpers.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function wordPackage(body: string, comments = ''): Buffer {
  const zip = new AdmZip();
  const add = (name: string, xml: string) => zip.addFile(name, Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${xml}`));
  add('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`);
  add(
    'word/_rels/document.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      <Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>
      <Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>
      <Relationship Id="rId3" Type="${REL}/comments" Target="comments.xml"/>
    </Relationships>`,
  );
  add(
    'word/styles.xml',
    `<w:styles xmlns:w="${W}">
      <w:style w:type="paragraph" w:default="1" w:styleId="Standard"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/><w:basedOn w:val="Standard"/></w:style>
      <w:style w:type="paragraph" w:styleId="Untertitel"><w:name w:val="Subtitle"/><w:basedOn w:val="Titel"/></w:style>
      <w:style w:type="paragraph" w:styleId="MeinAbschnitt"><w:name w:val="Strategy Part"/><w:basedOn w:val="berschrift1"/></w:style>
      <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:basedOn w:val="Standard"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Aufzhlungszeichen"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Listennummer"><w:name w:val="List Number"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
    </w:styles>`,
  );
  add(
    'word/numbering.xml',
    `<w:numbering xmlns:w="${W}">
      <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>`,
  );
  add('word/comments.xml', `<w:comments xmlns:w="${W}">${comments}</w:comments>`);
  add('word/document.xml', `<w:document xmlns:w="${W}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr/></w:body></w:document>`);
  return zip.toBuffer();
}

const p = (text: string, props = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const styled = (style: string, text: string) => p(text, `<w:pStyle w:val="${style}"/>`);

describe('docxDocument', () => {
  it('takes lists from list styles, and a blank line between different numberings ends a list', () => {
    const doc = docxDocument('a.docx', wordPackage([
      styled('berschrift1', 'Priorities'),
      styled('Aufzhlungszeichen', 'First bullet'),
      styled('Aufzhlungszeichen', 'Second bullet'),
      p(''),
      styled('Listennummer', 'First step'),
      styled('Listennummer', 'Second step'),
      p(''),
      p('Later step', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>'),
      p('Not a list any more', '<w:pStyle w:val="Listennummer"/><w:numPr><w:numId w:val="0"/></w:numPr>'),
    ].join('')));
    const lists = nodes(doc.tree, 'list') as List[];
    expect(lists.map((l) => [l.ordered, l.start, l.children.length, l.position!.start.line])).toEqual([
      [false, null, 2, 2],
      [true, 1, 2, 5],
      [true, 5, 1, 8],
    ]);
    expect(nodes(doc.tree, 'heading')).toHaveLength(1);
    expect(doc.text.split('\n')[8]).toBe('Not a list any more');
  });

  it('reads a HYPERLINK field as a link, and a content control’s text, once for alternate content', () => {
    const doc = docxDocument('a.docx', wordPackage([
      `<w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.org/plan" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>the Plan 2020–2040</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>`,
      `<w:sdt><w:sdtPr><w:alias w:val="Owner"/></w:sdtPr><w:sdtContent>${p('Owned by the digital team.')}</w:sdtContent></w:sdt>`,
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:t>Twice?</w:t></mc:Choice><mc:Fallback><w:t>Once.</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`,
    ].join('')));
    expect(doc.text.split('\n')).toEqual(['See the Plan 2020–2040.', 'Owned by the digital team.', 'Once.']);
    expect(nodes(doc.tree, 'link')).toMatchObject([{ url: 'https://example.org/plan', children: [{ value: 'the Plan 2020–2040' }] }]);
  });

  it('makes a comment over several paragraphs one directive, as Word’s AutoCorrect typed it', () => {
    const doc = docxDocument('a.docx', wordPackage(
      [
        p('Intro.'),
        `<w:p><w:r><w:t xml:space="preserve">We will </w:t></w:r><w:commentRangeStart w:id="7"/><w:r><w:t>transform care.</w:t></w:r></w:p>`,
        `<w:p><w:r><w:t>We will harness data.</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p>`,
        `<w:p><w:commentRangeStart w:id="8"/><w:r><w:t>Quoted.</w:t></w:r><w:commentRangeEnd w:id="8"/></w:p>`,
      ].join(''),
      `<w:comment w:id="7"><w:p><w:r><w:t>Stratlint-disable vague-goals, hype-tech — agreed with the board</w:t></w:r></w:p></w:comment>
       <w:comment w:id="8"><w:p><w:r><w:t>Please check this.</w:t></w:r></w:p></w:comment>`,
    ));
    expect(doc.directives).toEqual([{ kind: 'disable', rules: ['vague-goals', 'hype-tech'], line: 2, column: 9, endLine: 3, range: true }]);
  });

  it('takes headings from Title, heading styles and styles based on them, not from a Subtitle based on Title', () => {
    const doc = docxDocument('a.docx', wordPackage([
      styled('Titel', 'Digital strategy'),
      styled('Untertitel', 'For the people of Riverside'),
      styled('MeinAbschnitt', 'Part one'),
      p('Body text.', '<w:outlineLvl w:val="1"/>'),
      p('Plain.', '<w:pStyle w:val="berschrift1"/><w:outlineLvl w:val="9"/>'),
    ].join('')));
    expect(doc.tree.children.map((n) => [n.type, 'depth' in n ? n.depth : null])).toEqual([
      ['heading', 1],
      ['paragraph', null],
      ['heading', 1],
      ['heading', 2],
      ['paragraph', null],
    ]);
    expect(doc.metadata['title']).toBe('Digital strategy');
  });

  it('gives the paragraph, the character and the nearest headings as the locator', () => {
    const doc = docxDocument('a.docx', wordPackage(p('x')));
    expect(doc.locator({ line: 48, column: 12, offset: 0 }, ['Strategy', '3. Our priorities', 'Objectives'])).toBe('¶48:12 (… › 3. Our priorities › Objectives)');
    expect(doc.locator({ line: 2, column: 1, offset: 0 }, [])).toBe('¶2:1');
  });
});
