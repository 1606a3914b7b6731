// `stratlint lsp` driven as an editor drives it: JSON-RPC over the real binary's standard input
// and output, with the protocol's own client library. What the editor would show is checked
// against what the command line reports for the same text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CodeLensRequest,
  DiagnosticSeverity,
  DidSaveTextDocumentNotification,
  ExecuteCommandRequest,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT, stratlint, tempDir } from './helpers.js';
import { LspClient } from './support/lsp-client.js';

interface CliFinding {
  ruleId: string;
  sign: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What the command line reports for this text, as the same document. */
function cliFindings(dir: string, name: string, text: string): { findings: CliFinding[]; score: number } {
  const run = stratlint(['--stdin', '--stdin-filename', name, '--format', 'json'], { cwd: dir, input: text });
  const file = JSON.parse(run.stdout).files[0];
  return { findings: file.findings, score: file.scorecard.score };
}

/** The CLI's 1-based places as the 0-based LSP places an editor would get, for comparing. */
function asLsp(findings: CliFinding[]) {
  return findings.map((f) => ({
    code: f.ruleId,
    severity: f.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } },
  }));
}

function shown(diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range }));
}

const sorted = <T>(items: T[]) => [...items].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('stratlint lsp, driven by a JSON-RPC client', { timeout: 120_000 }, () => {
  const dir = tempDir('stratlint-lsp-');
  const fixture = readFileSync(join(ROOT, 'fixtures', 'strategies', 'northshire-ten-year-vision.md'), 'utf8');
  // A character outside the Basic Multilingual Plane before a finding: two UTF-16 units, as LSP counts.
  const text = fixture.replace('By 2035 we will', '🚀 By 2035 we will');
  const path = join(dir, 'vision.md');
  const uri = pathToFileURL(path).href;
  let client: LspClient;
  let doc: TextDocument;

  beforeAll(async () => {
    writeFileSync(path, text);
    mkdirSync(join(dir, 'drafts'));
    writeFileSync(join(dir, '.stratlintignore'), 'drafts/\n');
    client = new LspClient(dir);
    const init = await client.initialize(dir, { window: { showDocument: { support: true } } });
    expect(init.capabilities.codeActionProvider).toBeTruthy();
  });
  afterAll(() => client?.kill());

  it('publishes a diagnostic for each finding, at the places the CLI reports, 0-based', async () => {
    doc = TextDocument.create(uri, 'markdown', 1, text);
    await client.open(uri, text, 1);
    const published = await client.diagnostics(uri, (p) => p.version === 1);
    const cli = cliFindings(dir, 'vision.md', text);
    expect(cli.findings.length).toBeGreaterThan(20);
    expect(sorted(shown(published.diagnostics))).toEqual(sorted(asLsp(cli.findings)));

    // The horizon after the emoji covers exactly "2035" in the editor's UTF-16 columns.
    const line = text.split('\n').findIndex((l) => l.startsWith('🚀'));
    const horizon = published.diagnostics.find((d) => d.code === 'long-horizon' && d.range.start.line === line)!;
    expect(text.split('\n')[line]!.slice(horizon.range.start.character, horizon.range.end.character)).toBe('2035');
    expect(horizon.source).toBe('stratlint');
    expect(horizon.severity).toBe(DiagnosticSeverity.Warning);
    expect(horizon.codeDescription?.href).toMatch(/^https:\/\/.*\/rules\/long-horizon\.md$/);
    expect(horizon.message).toMatch(/\[too-long-term\]/);
  });

  it('lints the last of a burst of edits, and only that one', async () => {
    // Four quick edits: the new paragraph is typed a word at a time.
    const typed = ['We will', 'We will deploy', 'We will deploy blockchain', 'We will deploy blockchain on every ward.'];
    let version = 1;
    for (const sentence of typed) {
      version++;
      const next = text.replace('## Introduction\n', `## Introduction\n\n${sentence}\n`);
      await client.replaceAll(uri, next, version);
    }
    const last = version;
    const published = await client.diagnostics(uri, (p) => p.version === last);
    doc = TextDocument.create(uri, 'markdown', last, text.replace('## Introduction\n', `## Introduction\n\n${typed.at(-1)}\n`));
    const cli = cliFindings(dir, 'vision.md', doc.getText());
    expect(sorted(shown(published.diagnostics))).toEqual(sorted(asLsp(cli.findings)));
    expect(published.diagnostics.some((d) => d.code === 'hype-tech' && d.range.start.line === 10)).toBe(true);
    // The edits in between were never shown: their lints were not started, or their results dropped.
    expect(client.published.filter((p) => p.uri === uri).map((p) => p.version)).toEqual([1, last]);
  });

  async function actionsFor(diagnostic: Diagnostic): Promise<CodeAction[]> {
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    return (actions ?? []) as CodeAction[];
  }

  async function apply(action: CodeAction): Promise<PublishDiagnosticsParams> {
    const edits = action.edit!.changes![uri]!;
    const version = doc.version + 1;
    doc = TextDocument.create(uri, 'markdown', version, TextDocument.applyEdits(doc, edits));
    await client.replaceAll(uri, doc.getText(), version);
    return client.diagnostics(uri, (p) => p.version === version);
  }

  it('disables a rule on a line with a code action, and the finding goes', async () => {
    const before = client.published.at(-1)!.diagnostics;
    const target = before.find((d) => d.code === 'vague-goals' && d.range.start.line > 25)!;
    const actions = await actionsFor(target);
    expect(actions.map((a) => a.title)).toEqual([
      'Disable vague-goals on this line',
      'Disable vague-goals for the whole file',
      'Show the documentation of vague-goals',
    ]);
    const after = await apply(actions[0]!);
    const line = doc.getText().split('\n')[target.range.start.line]!;
    expect(line).toMatch(/ <!-- stratlint-disable-line vague-goals -->$/);
    expect(after.diagnostics.filter((d) => d.code === 'vague-goals' && d.range.start.line === target.range.start.line)).toEqual([]);
    // The other rules on that line, and vague goals elsewhere, are still reported; as the CLI says.
    expect(after.diagnostics.some((d) => d.code === 'vague-goals')).toBe(true);
    expect(sorted(shown(after.diagnostics))).toEqual(sorted(asLsp(cliFindings(dir, 'vision.md', doc.getText()).findings)));
  });

  it('disables a rule for the whole file, after the front matter', async () => {
    const target = client.published.at(-1)!.diagnostics.find((d) => d.code === 'hype-tech')!;
    const actions = await actionsFor(target);
    const after = await apply(actions.find((a) => a.title === 'Disable hype-tech for the whole file')!);
    expect(doc.getText().split('\n').slice(4, 7)).toEqual(['---', '<!-- stratlint-disable hype-tech -->', '']);
    expect(after.diagnostics.filter((d) => d.code === 'hype-tech')).toEqual([]);
    expect(after.diagnostics.length).toBeGreaterThan(10);
  });

  it('opens the rule’s documentation in the browser', async () => {
    const target = client.published.at(-1)!.diagnostics.find((d) => d.code === 'long-horizon')!;
    const docs = (await actionsFor(target)).find((a) => a.title === 'Show the documentation of long-horizon')!;
    await client.connection.sendRequest(ExecuteCommandRequest.type, docs.command!);
    expect(client.shownDocuments).toEqual([{ uri: target.codeDescription!.href, external: true }]);
  });

  it('shows the scorecard in a hover on the title and a code lens over it', async () => {
    const title = doc.getText().split('\n').findIndex((l) => l.startsWith('# '));
    const { score } = cliFindings(dir, 'vision.md', doc.getText());
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: title, character: 3 } });
    const value = (hover!.contents as { value: string }).value;
    expect(value).toContain(`**stratlint score ${score}/100**`);
    for (const sign of ['user-centred', 'vague', 'unproven-tech', 'too-long-term', 'wish-list', 'cookie-cutter']) expect(value).toContain(` ${sign} |`);
    expect(value.split('\n').filter((l) => /^\| [✔◐✖] /.test(l))).toHaveLength(12);
    const elsewhere = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: title + 2, character: 0 } });
    expect(elsewhere).toBeNull();
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
    expect(lenses).toHaveLength(1);
    expect(lenses![0]!.range.start.line).toBe(title);
    expect(lenses![0]!.command!.title).toMatch(new RegExp(`^stratlint score ${score}/100 · .*user-centred missing`));
  });

  it('takes a new config without a restart', async () => {
    const count = client.published.length;
    writeFileSync(join(dir, '.stratlintrc.yml'), 'rules:\n  long-horizon: error\n');
    const after = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= count);
    const horizons = after.diagnostics.filter((d) => d.code === 'long-horizon');
    expect(horizons.length).toBeGreaterThan(0);
    expect(horizons.every((d) => d.severity === DiagnosticSeverity.Error)).toBe(true);
    expect(after.version).toBe(doc.version);
  });

  it('leaves a document that .stratlintignore covers alone', async () => {
    const ignoredUri = pathToFileURL(join(dir, 'drafts', 'draft.md')).href;
    await client.open(ignoredUri, text, 1);
    const published = await client.diagnostics(ignoredUri);
    expect(published.diagnostics).toEqual([]);
  });

  it('shuts down cleanly when asked', async () => {
    expect(await client.shutdown()).toBe(0);
    expect(client.stderr).toBe('');
  });
});

describe('stratlint lsp with a plugin that prints', { timeout: 120_000 }, () => {
  it('keeps what the plugin prints out of the protocol, on standard error', async () => {
    const dir = tempDir('stratlint-lsp-noisy-');
    writeFileSync(
      join(dir, 'noisy.js'),
      `export default { rules: { shout: {
        meta: { id: 'shout', sign: 'focused', description: 'Prints, then reports the title.', severity: 'warning', fix: 'None.' },
        check({ analysis, report }) {
          console.log('noise from a plugin');
          process.stdout.write('Content-Length: 3\\r\\n\\r\\n{}\\n');
          report({ start: analysis.title.start, end: analysis.title.end, message: 'Shouted', evidence: analysis.title.text });
        },
      } } };\n`,
    );
    writeFileSync(join(dir, '.stratlintrc.yml'), 'plugins: [./noisy.js]\n');
    const uri = pathToFileURL(join(dir, 'plan.md')).href;
    const client = new LspClient(dir);
    try {
      await client.initialize(dir);
      await client.open(uri, '# Plan\n\nResidents told us they want to pay online by March 2026.\n', 1);
      const published = await client.diagnostics(uri);
      expect(published.diagnostics.filter((d) => d.code === 'noisy/shout').map((d) => d.range)).toEqual([
        { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } },
      ]);
      expect(await client.shutdown()).toBe(0);
      expect(client.stderr).toContain('noise from a plugin');
    } finally {
      client.kill();
    }
  });
});

describe('stratlint lsp with a YAML rule', { timeout: 120_000 }, () => {
  it('links its diagnostics to the rule’s own file, which the editor can open', async () => {
    const dir = tempDir('stratlint-lsp-yaml-');
    mkdirSync(join(dir, 'rules'));
    const rule = join(dir, 'rules', 'plain-words.yml');
    writeFileSync(rule, ['sign: mainstream', 'kind: substitution', 'scope: document', 'message: Say "{{expected}}", not "{{match}}"', 'swap:', '  leverage: use', ''].join('\n'));
    writeFileSync(join(dir, '.stratlintrc.yml'), 'rulesDir: rules\n');
    const uri = pathToFileURL(join(dir, 'plan.md')).href;
    const client = new LspClient(dir);
    try {
      await client.initialize(dir);
      await client.open(uri, '# Plan\n\nWe will leverage the data we hold by March 2026.\n', 1);
      const published = await client.diagnostics(uri);
      const yaml = published.diagnostics.filter((d) => d.message.startsWith('Say "use", not "leverage"'));
      expect(yaml.map((d) => [d.code, d.range.start, d.codeDescription?.href])).toEqual([
        ['plain-words', { line: 2, character: 8 }, pathToFileURL(rule).href],
      ]);
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  });
});

describe('stratlint lsp with a document that never finishes', { timeout: 120_000 }, () => {
  it('gives it a timeout error, and lints the other documents meanwhile', async () => {
    const dir = tempDir('stratlint-lsp-slow-');
    // A plugin rule that hangs on one document: the server's thread must stay free regardless.
    writeFileSync(
      join(dir, 'hang.js'),
      `export default { rules: { forever: {
        meta: { id: 'forever', sign: 'focused', description: 'Hangs on slow.md.', severity: 'warning', fix: 'None.' },
        check({ doc }) { if (doc.path.endsWith('slow.md')) for (;;) {} },
      } } };\n`,
    );
    writeFileSync(join(dir, '.stratlintrc.yml'), 'plugins: [./hang.js]\n');
    const slow = pathToFileURL(join(dir, 'slow.md')).href;
    const fast = pathToFileURL(join(dir, 'fast.md')).href;
    const client = new LspClient(dir, ['--timeout', '10']);
    try {
      await client.initialize(dir);
      const text = '# Plan\n\nResidents told us they want to pay online by March 2026.\n';
      await client.open(slow, text, 1);
      await client.open(fast, text, 1);
      const fastShown = await client.diagnostics(fast);
      expect(fastShown.diagnostics.length).toBeGreaterThan(0);
      // The fast document was shown while the slow one was still being linted.
      expect(client.published.some((p) => p.uri === slow)).toBe(false);
      const slowShown = await client.diagnostics(slow);
      expect(slowShown.diagnostics).toEqual([
        expect.objectContaining({ code: 'timeout', severity: DiagnosticSeverity.Error, message: 'Gave up on the file after 10 s (raise the limit with --timeout)' }),
      ]);
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  });

  it('shows nothing for a new, empty buffer', async () => {
    const dir = tempDir('stratlint-lsp-empty-');
    const uri = pathToFileURL(join(dir, 'new.md')).href;
    const client = new LspClient(dir);
    try {
      await client.initialize(dir);
      await client.open(uri, '', 1);
      expect((await client.diagnostics(uri)).diagnostics).toEqual([]);
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  });
});

describe('stratlint lsp with Word documents and PDFs', { timeout: 120_000 }, () => {
  it('lints them from the file on open and on save, each finding placed by its locator', async () => {
    const dir = tempDir('stratlint-lsp-docx-');
    const docx = join(dir, 'strategy.docx');
    copyFileSync(join(ROOT, 'fixtures', 'docx', 'riverside-pandoc.docx'), docx);
    const client = new LspClient(dir);
    try {
      await client.initialize(dir);
      const uri = pathToFileURL(docx).href;
      await client.open(uri, '', 1, 'plaintext');
      const published = await client.diagnostics(uri);
      const cli = JSON.parse(stratlint(['strategy.docx', '--format', 'json'], { cwd: dir }).stdout).files[0];
      const asShown = (findings: Array<{ ruleId: string; locator: string; message: string; sign: string }>) =>
        findings.map((f) => [f.ruleId, `${f.locator}: ${f.message} [${f.sign}]`]).sort();
      expect(published.diagnostics.map((d) => [d.code, d.message.split('\n')[0]]).sort()).toEqual(asShown(cli.findings));
      expect(published.diagnostics.every((d) => d.range.start.line === 0 && d.range.start.character === 0)).toBe(true);

      // Saved as another document: linted again from the file.
      copyFileSync(join(ROOT, 'fixtures', 'docx', 'harbour-libreoffice.docx'), docx);
      const count = client.published.length;
      await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
      const saved = await client.diagnostics(uri, (p) => client.published.indexOf(p) >= count);
      const cliSaved = JSON.parse(stratlint(['strategy.docx', '--format', 'json'], { cwd: dir }).stdout).files[0];
      expect(asShown(cliSaved.findings)).not.toEqual(asShown(cli.findings));
      expect(saved.diagnostics.map((d) => [d.code, d.message.split('\n')[0]]).sort()).toEqual(asShown(cliSaved.findings));
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  });

  it('lints a PDF on open, with page:line:column places', async () => {
    const dir = tempDir('stratlint-lsp-pdf-');
    const pdf = join(dir, 'strategy.pdf');
    copyFileSync(join(ROOT, 'fixtures', 'pdf', 'northshire-running-headers.pdf'), pdf);
    const client = new LspClient(dir);
    try {
      await client.initialize(dir);
      const uri = pathToFileURL(pdf).href;
      await client.open(uri, '', 1, 'plaintext');
      const published = await client.diagnostics(uri);
      const cli = JSON.parse(stratlint(['strategy.pdf', '--format', 'json'], { cwd: dir }).stdout).files[0];
      expect(cli.findings.length).toBeGreaterThan(5);
      expect(published.diagnostics.map((d) => d.message.split('\n')[0]).sort()).toEqual(
        cli.findings.map((f: { locator: string; message: string; sign: string }) => `${f.locator}: ${f.message} [${f.sign}]`).sort(),
      );
      expect(published.diagnostics[0]!.message).toMatch(/^p\.\d+:\d+:\d+\b/);
      expect(await client.shutdown()).toBe(0);
    } finally {
      client.kill();
    }
  });
});
