// `stratlint lsp`: a language server over standard input and output. Markdown is linted from the
// editor's buffer as it is typed (src/lsp/schedule.ts says when); Word documents and PDFs, which
// no editor edits as text, from the file when opened and when saved.

import { basename, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  createConnection,
  DidChangeWatchedFilesNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_NAMES } from '../config/load.js';
import { packageVersion } from '../core/package-root.js';
import type { FileResult } from '../core/types.js';
import { IGNORE_FILE } from '../engine/ignore.js';
import { formatOf } from '../formats/index.js';
import { defaultDocsBaseUri } from '../reporters/index.js';
import { codeActions, SHOW_DOCUMENTATION } from './code-actions.js';
import { SOURCE, toDiagnostics } from './diagnostics.js';
import { FileSetWatch } from './file-watch.js';
import { lintSchedule, type LintSchedule } from '../engine/schedule.js';
import { scoreHover, scoreLens, titleLine } from './scorecard.js';
import { WorkspaceLinter, type WorkspaceOptions } from './workspace.js';

export interface ServerOptions extends WorkspaceOptions {
  /** How long the edits to a Markdown document must pause before it is linted. */
  debounceMs?: number;
}

export interface ServerIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  cwd: string;
}

/** Long enough to wait out a burst of keys, short enough to feel immediate once typing stops. */
export const DEFAULT_DEBOUNCE_MS = 200;
/** The editor saves a config as several writes; one reload after them. */
const CONFIG_SETTLE_MS = 100;

/** Serves until the client says exit (or closes the stream); resolves with the exit code. */
export function runLanguageServer(io: ServerIO, options: ServerOptions = {}): Promise<number> {
  const connection = createConnection(new StreamMessageReader(io.stdin), new StreamMessageWriter(io.stdout));
  const server = new StrategyServer(connection, io.cwd, options);
  return new Promise((resolve) => {
    let shutdown = false;
    const finish = (code: number) => {
      void server.close().then(() => resolve(code));
    };
    connection.onShutdown(async () => {
      shutdown = true;
      await server.close();
    });
    // LSP: exit 0 after a shutdown request, 1 without one.
    connection.onExit(() => finish(shutdown ? 0 : 1));
    io.stdin.on('end', () => finish(shutdown ? 0 : 1));
    connection.listen();
  });
}

interface Linted {
  result: FileResult;
  /** The buffer's version that was linted (null for a file read from disk). */
  version: number | null;
}

class StrategyServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly schedule: LintSchedule;
  private readonly results = new Map<string, Linted>();
  private readonly workspaces = new Map<string, WorkspaceLinter>();
  private readonly configWatch = new FileSetWatch(() => this.configChanged());
  private readonly docsBaseUri = defaultDocsBaseUri(packageVersion());
  private readonly reported = new Set<string>();
  private roots: string[] = [];
  private justOpened = new Set<string>();
  private settle?: NodeJS.Timeout;
  private canRefreshLenses = false;
  private canShowDocument = false;
  private canWatchFiles = false;

  constructor(
    private readonly connection: Connection,
    private readonly cwd: string,
    private readonly options: ServerOptions,
  ) {
    this.schedule = lintSchedule((uri) => this.lint(uri), options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
    // Anything written to standard output that is not a message breaks the protocol.
    console.log = console.info = console.debug = console.error;

    connection.onInitialize((params): InitializeResult => {
      const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
      this.roots = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
      if (this.roots.length === 0 && params.rootPath) this.roots = [params.rootPath];
      this.canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
      this.canShowDocument = params.capabilities.window?.showDocument?.support === true;
      this.canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
          executeCommandProvider: { commands: [SHOW_DOCUMENTATION] },
          hoverProvider: true,
          codeLensProvider: { resolveProvider: false },
        },
        serverInfo: { name: 'stratlint', version: packageVersion() },
      };
    });
    connection.onInitialized(() => {
      // The workers load and warm up while the editor opens its first document.
      this.workspaceFor(this.roots[0] ?? this.cwd).start();
      if (!this.canWatchFiles) return;
      // Clients that watch files for the server tell it of config changes too; the server's
      // own watch (FileSetWatch) covers those that do not.
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [...CONFIG_NAMES, IGNORE_FILE].map((name) => ({ globPattern: `**/${name}` })),
        })
        .catch(() => undefined);
    });
    connection.onDidChangeWatchedFiles(() => this.configChanged());

    this.documents.onDidOpen(({ document }) => {
      this.justOpened.add(document.uri);
      if (!this.isMarkdown(document)) this.schedule.request(document.uri, 0);
    });
    this.documents.onDidChangeContent(({ document }) => {
      if (!this.isMarkdown(document)) return;
      this.schedule.request(document.uri, this.justOpened.delete(document.uri) ? 0 : undefined);
    });
    this.documents.onDidSave(({ document }) => {
      if (!this.isMarkdown(document)) this.schedule.request(document.uri, 0);
    });
    this.documents.onDidClose(({ document }) => {
      this.justOpened.delete(document.uri);
      this.schedule.forget(document.uri);
      this.results.delete(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      this.watchConfigs();
    });

    connection.onCodeAction(({ textDocument, context }) => {
      const document = this.documents.get(textDocument.uri);
      if (!document || !this.isMarkdown(document)) return [];
      return codeActions(document, context.diagnostics);
    });
    connection.onExecuteCommand(async ({ command, arguments: args }) => {
      if (command !== SHOW_DOCUMENTATION || typeof args?.[0] !== 'string') return;
      const uri = args[0];
      if (this.canShowDocument) await connection.window.showDocument({ uri, external: true });
      else connection.window.showInformationMessage(`stratlint: ${uri}`);
    });
    connection.onHover(({ textDocument, position }) => {
      const document = this.documents.get(textDocument.uri);
      const card = this.results.get(textDocument.uri)?.result.scorecard;
      if (!document || !card) return null;
      const line = this.isMarkdown(document) ? titleLine(document.getText()) : 0;
      if (position.line !== line) return null;
      const length = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;
      return scoreHover(card, line, length);
    });
    connection.onCodeLens(({ textDocument }) => {
      const document = this.documents.get(textDocument.uri);
      const card = this.results.get(textDocument.uri)?.result.scorecard;
      if (!document || !card) return [];
      return [scoreLens(card, this.isMarkdown(document) ? titleLine(document.getText()) : 0)];
    });

    this.documents.listen(connection);
  }

  async close(): Promise<void> {
    this.schedule.dispose();
    this.configWatch.close();
    clearTimeout(this.settle);
    await Promise.all([...this.workspaces.values()].map((w) => w.close()));
  }

  private isMarkdown(document: TextDocument): boolean {
    const format = formatOf(this.pathOf(document.uri));
    return format === 'markdown';
  }

  /** The file a document is, or stands for (an unsaved buffer is named as if in the workspace). */
  private pathOf(uri: string): string {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    return join(this.roots[0] ?? this.cwd, basename(decodeURIComponent(uri.replace(/^[a-z]+:/i, ''))) || 'untitled.md');
  }

  /** The workspace folder holding `path` (the innermost), else the first, else where the server runs. */
  private workspaceFor(path: string): WorkspaceLinter {
    const inside = this.roots.filter((root) => {
      const rel = relative(root, path);
      return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
    });
    const root = inside.sort((a, b) => b.length - a.length)[0] ?? this.roots[0] ?? this.cwd;
    let workspace = this.workspaces.get(root);
    if (!workspace) this.workspaces.set(root, (workspace = new WorkspaceLinter(root, this.options)));
    return workspace;
  }

  private async lint(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const path = this.pathOf(uri);
    const markdown = this.isMarkdown(document);
    const version = markdown ? document.version : null;
    const workspace = this.workspaceFor(path);
    const generation = workspace.generation;
    const name = relative(workspace.root, path) || path;
    this.connection.tracer.log(`lint started: ${name} version ${version ?? 'on disk'} (${this.schedule.inFlight(uri)} in flight)`);
    const started = Date.now();
    let diagnostics: Diagnostic[];
    let linted: Linted | null = null;
    try {
      const outcome = await workspace.lint(path, markdown ? Buffer.from(document.getText(), 'utf8') : undefined);
      if ('ignored' in outcome) {
        diagnostics = [];
        this.connection.tracer.log(`${name} is ignored by "${outcome.ignored.pattern}" (${outcome.ignored.source})`);
      } else {
        linted = { result: outcome.result, version };
        // A new buffer starts empty: that is no problem to point out while it is being written.
        const errors = markdown ? outcome.result.errors.filter((e) => e.code !== 'empty') : outcome.result.errors;
        diagnostics = toDiagnostics({ ...outcome.result, errors }, this.docsBaseUri);
      }
    } catch (error) {
      const message = error instanceof Error ? (error.name === 'ConfigError' ? `config error: ${error.message}` : error.message) : String(error);
      diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, source: SOURCE, message }];
      // Once per problem, not on every key.
      if (!this.reported.has(message)) {
        this.reported.add(message);
        this.connection.window.showErrorMessage(`stratlint: ${message}`);
      }
    }
    const current = this.documents.get(uri);
    const stale = !current || (version !== null && current.version !== version) || workspace.generation !== generation;
    this.connection.tracer.log(`lint finished: ${name} version ${version ?? 'on disk'} in ${Date.now() - started} ms${stale ? ', out of date, not shown' : ''}`);
    if (stale) return;
    if (linted) this.results.set(uri, linted);
    else this.results.delete(uri);
    await this.connection.sendDiagnostics({ uri, ...(version !== null ? { version } : {}), diagnostics });
    if (this.canRefreshLenses) void this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    this.watchConfigs();
  }

  /** Watches the configs and ignore files that decide the open documents' lints. */
  private watchConfigs(): void {
    const files = new Set<string>();
    for (const workspace of this.workspaces.values()) {
      const mine = this.documents.keys().map((uri) => this.pathOf(uri)).filter((path) => this.workspaceFor(path) === workspace);
      for (const file of workspace.watchedFiles(mine)) files.add(file);
    }
    this.configWatch.set(files);
  }

  /** A config or ignore file changed: forget what was read, and lint every open document again. */
  private configChanged(): void {
    clearTimeout(this.settle);
    this.settle = setTimeout(() => {
      this.reported.clear();
      for (const workspace of this.workspaces.values()) workspace.reload();
      for (const uri of this.documents.keys()) this.schedule.request(uri, 0);
    }, CONFIG_SETTLE_MS);
  }
}
