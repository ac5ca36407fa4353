// The language server only adapts the core to LSP: diagnostics on open and change (debounced),
// quick fixes, the outline and folding. Started by the client over IPC, or with --stdio.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction, CodeActionKind, CompletionItemKind, createConnection, Diagnostic, DiagnosticSeverity, DidChangeConfigurationNotification, InsertTextFormat,
  DocumentSymbol, FileChangeType, FoldingRange, FoldingRangeKind, MarkupKind, MessageType, ProposedFeatures, ShowMessageNotification, SymbolKind, TextDocuments, TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, findConfig, loadConfig, mergeSettings, PROFILES, sanitizeRules, TYPOGRAPHIES, type Profile, type Settings, type Typography } from './core/config';
import { codeActions } from './core/features/code-actions';
import { readdir, readFile } from 'node:fs/promises';
import { findCitations, type Citation } from './core/citations/citations';
import { shippedIndex } from './core/citations/shipped';
import { citationCompletions, footnoteCompletion } from './core/features/citation-completion';
import { decodeText } from './core/input';
import { parse } from './core/model/parse';
import { rangeContains } from './core/model/text';
import { completions } from './core/features/completion';
import { definition } from './core/features/definition';
import { hover } from './core/features/hover';
import { documentInfo } from './core/features/document-info';
import { foldingRanges } from './core/features/folding';
import { renumber, renumberMessage } from './core/features/renumber';
import { encode, LEGEND, rangeFilter, semanticTokens } from './core/features/semantic-tokens';
import { documentSymbols, type OutlineKind, type OutlineSymbol } from './core/features/symbols';
import { IncrementalAnalyser } from './core/incremental';
import { type LintResult } from './core/lint';
import type { Finding, Severity } from './core/rules/types';
import type { ResolutionDocument } from './core/model/types';

const DEBOUNCE_MS = 150;
// About 0.1 s of analysis on these machines: a 50 MB compendium keeps the server responsive.
const ANALYSIS_LIMIT = 4_000_000;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const results = new Map<string, { version: number; result: LintResult }>();
const timers = new Map<string, NodeJS.Timeout>();
const settingsCache = new Map<string, Promise<Settings>>();
let pullConfiguration = false;
/** Whether the client takes versioned edits (documentChanges): an edit computed on an older text is then refused, not misapplied. */
let versionedEdits = false;
const RENUMBER_COMMAND = 'unResolution.renumber';
/** Resolutions known to the server: the shipped data, then the workspace, then an office's catalogue. */
const index = shippedIndex();
let workspaceFolders: string[] = [];

connection.onInitialize((params): InitializeResult => {
  pullConfiguration = !!params.capabilities.workspace?.configuration;
  versionedEdits = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
  workspaceFolders = (params.workspaceFolders ?? []).map((f) => f.uri).filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      // « 12. » then a space, or « * », opens the list of verbs at the start of a paragraph.
      completionProvider: { triggerCharacters: [' ', '*', '>', '^'] },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentSymbolProvider: true,
      semanticTokensProvider: { legend: LEGEND, full: true, range: true },
      foldingRangeProvider: true,
      // Format Document renumbers paragraphs and footnotes; so does the command, which also says what it left.
      documentFormattingProvider: true,
      executeCommandProvider: { commands: [RENUMBER_COMMAND] },
    },
    serverInfo: { name: 'un-resolution-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (pullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'unResolution' });
  void indexWorkspace();
  void loadCatalogSetting();
});

const RESOLUTION_FILE = /\.resolution(?:\.md|\.txt)?$/;
const SKIP_DIRS = new Set(['node_modules', '.git', '.cache', 'out', '.vscode-test']);

/** Indexes the workspace's resolution files in the background, a file at a time, with progress. */
async function indexWorkspace(): Promise<void> {
  const files: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 8 || files.length > 20000) return;
    let entries;
    try { entries = await readdir(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      if (e.isDirectory() && !SKIP_DIRS.has(e.name)) await walk(path.join(dir, e.name), depth + 1);
      else if (e.isFile() && RESOLUTION_FILE.test(e.name)) files.push(path.join(dir, e.name));
    }
  };
  for (const folder of workspaceFolders) await walk(folder, 0);
  if (!files.length) return;
  const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
  progress?.begin('UN Resolution Drafting', 0, `0/${files.length}`, false);
  for (let k = 0; k < files.length; k++) {
    const uri = pathToFileURL(files[k]).toString();
    if (!documents.get(uri)) {
      try {
        const decoded = decodeText(await readFile(files[k]));
        if (decoded.ok && decoded.text.length < 5_000_000) index.addDocument(uri, parse(decoded.text));
      } catch (error) {
        connection.console.warn(`indexing ${files[k]}: ${String(error)}`);
      }
    }
    if (k % 20 === 0) { progress?.report(Math.round((100 * k) / files.length), `${k}/${files.length}`); await new Promise((r) => setImmediate(r)); }
  }
  progress?.done();
}

/** `unResolution.catalog`: a CSV or JSON export (symbol, date, title, language) read from disk, never from the network. */
async function loadCatalogSetting(): Promise<void> {
  if (!pullConfiguration) return;
  const [value] = await connection.workspace.getConfiguration([{ section: 'unResolution.catalog' }]).catch(() => [undefined]);
  if (typeof value !== 'string' || !value.trim()) return;
  const file = path.isAbsolute(value) ? value : path.join(workspaceFolders[0] ?? process.cwd(), value);
  try {
    const report = index.loadCatalog(await readFile(file, 'utf8'), /\.json$/i.test(file) ? 'json' : 'csv');
    connection.console.info(`catalogue ${file}: ${JSON.stringify(report)}`);
  } catch (error) {
    connection.console.warn(`catalogue ${file} could not be read: ${String(error)}`);
  }
}

function revalidateAll(): void {
  settingsCache.clear();
  results.clear();
  for (const d of documents.all()) schedule(d, 0);
}

connection.onDidChangeConfiguration(revalidateAll);
// A .reslintrc.json or a resolution file was created, changed or deleted (the client watches them).
connection.onDidChangeWatchedFiles(async (params) => {
  let configChanged = false;
  for (const change of params.changes) {
    if (change.uri.endsWith('.reslintrc.json')) { configChanged = true; continue; }
    if (!change.uri.startsWith('file:') || documents.get(change.uri)) continue; // open files follow their edits
    if (change.type === FileChangeType.Deleted) { index.removeDocument(change.uri); continue; }
    try {
      const decoded = decodeText(await readFile(fileURLToPath(change.uri)));
      if (decoded.ok) index.addDocument(change.uri, parse(decoded.text));
    } catch (error) {
      connection.console.warn(`re-indexing ${change.uri}: ${String(error)}`);
    }
  }
  if (configChanged) revalidateAll();
});

/** Editor settings, then the nearest .reslintrc.json (the same file reslint reads) on top. */
function settingsFor(uri: string): Promise<Settings> {
  let s = settingsCache.get(uri);
  if (!s) {
    const editor = pullConfiguration
      ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'unResolution' }).then(sanitize, () => ({}))
      : Promise.resolve({});
    s = editor.then((e) => mergeSettings(e, workspaceConfig(uri)));
    settingsCache.set(uri, s);
  }
  return s;
}

function workspaceConfig(uri: string): Partial<Settings> {
  if (!uri.startsWith('file:')) return {};
  const file = findConfig(path.dirname(fileURLToPath(uri)));
  if (!file) return {};
  const loaded = loadConfig(file);
  if (!loaded.ok) {
    connection.console.warn(`${file}: ${loaded.error}; ignored`);
    return {};
  }
  for (const w of loaded.warnings) connection.console.warn(`${file}: ignored: ${w}`);
  return loaded.config;
}

/** Settings come from the user's files: keep only values we understand. */
function sanitize(raw: unknown): Partial<Settings> {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    language: r.language === 'fr' || r.language === 'en' ? r.language : DEFAULT_SETTINGS.language,
    profile: PROFILES.includes(r.profile as Profile) ? (r.profile as Profile) : DEFAULT_SETTINGS.profile,
    typography: TYPOGRAPHIES.includes(r.typography as Typography) ? (r.typography as Typography) : DEFAULT_SETTINGS.typography,
    rules: sanitizeRules(r.rules),
  };
}

/** One incremental analyser per open document (core/incremental.ts): a change is analysed again only where it touches. */
const analysers = new Map<string, { settings: Settings; analyser: IncrementalAnalyser }>();

async function analyse(doc: TextDocument): Promise<LintResult | undefined> {
  const cached = results.get(doc.uri);
  if (cached && cached.version === doc.version) return cached.result;
  const settings = await settingsFor(doc.uri);
  indexPending(doc.uri);
  try {
    let entry = analysers.get(doc.uri);
    // New settings (or a new .reslintrc.json) start a new analyser: what it kept was checked with the old ones.
    if (!entry || entry.settings !== settings) {
      const uri = doc.uri;
      entry = {
        settings,
        analyser: new IncrementalAnalyser({
          language: settings.language,
          profile: settings.profile,
          typography: settings.typography,
          rules: settings.rules,
          index,
          limit: ANALYSIS_LIMIT,
          onRuleError: (rule, error) => connection.console.error(`rule ${rule} failed on ${uri} and was skipped: ${error instanceof Error ? error.stack : String(error)}`),
        }),
      };
      analysers.set(doc.uri, entry);
    }
    // The analyser compares the text with the one it saw last: the edits need not be passed.
    const result = entry.analyser.update(doc.getText());
    results.set(doc.uri, { version: doc.version, result });
    indexLater(doc.uri, result.doc);
    return result;
  } catch (error) {
    analysers.delete(doc.uri);
    connection.console.error(`analysis of ${doc.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return undefined;
  }
}

/**
 * The workspace index learns an open document's citations and symbol once typing pauses
 * (INDEX_IDLE_MS after its last analysis), or at once when something reads the index: a request
 * (hover, definition, references, completion: after its own analysis, so the document is there as
 * the user sees it), or the analysis of another document (whose rules may look up this one's
 * resolutions). Its own diagnostics do not need it. Reading every citation of a 122 KB text takes
 * ~1.6 ms and allocates ~1 MB: done for every keystroke, it doubled the garbage the analysis leaves
 * behind while the user types (the collections that follow fall into later keystrokes' analyses).
 */
const INDEX_IDLE_MS = 1000;
const pendingIndex = new Map<string, ResolutionDocument>();
const indexTimers = new Map<string, ReturnType<typeof setTimeout>>();
function indexLater(uri: string, model: ResolutionDocument): void {
  pendingIndex.set(uri, model);
  clearTimeout(indexTimers.get(uri));
  indexTimers.set(uri, setTimeout(() => indexNow(uri), INDEX_IDLE_MS));
}

/** The index learns what the document's last analysis read (`closing`: also when the editor has just closed it). */
function indexNow(uri: string, closing = false): void {
  clearTimeout(indexTimers.get(uri));
  indexTimers.delete(uri);
  const latest = pendingIndex.get(uri);
  pendingIndex.delete(uri);
  if (latest && (closing || documents.get(uri))) index.addDocument(uri, latest);
}

/** Before the index is read: every pending update now (but `except`'s, when its own analysis reads it). */
function indexPending(except?: string): void {
  for (const uri of [...pendingIndex.keys()]) if (uri !== except) indexNow(uri);
}

/** The analysis of a document for a request that reads the index: the index up to date, this document included. */
async function analyseForIndex(doc: TextDocument): Promise<LintResult | undefined> {
  const result = await analyse(doc);
  indexPending();
  return result;
}

function schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
  clearTimeout(timers.get(doc.uri));
  timers.set(doc.uri, setTimeout(() => {
    timers.delete(doc.uri);
    void validate(doc.uri);
  }, delay));
}

async function validate(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  const result = await analyse(doc);
  // A newer edit arrived while we worked: its own validation will publish.
  if (!result || documents.get(uri)?.version !== version) return;
  await connection.sendDiagnostics({ uri, version, diagnostics: result.findings.map(toDiagnostic) });
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};
const docsDir = path.resolve(__dirname, '..', '..', 'docs', 'rules');

/** Each rule's page, by rule id (a URL built once, not per finding). */
const ruleDocs = new Map<string, string>();
function ruleDoc(rule: string): string {
  let href = ruleDocs.get(rule);
  if (href === undefined) ruleDocs.set(rule, href = pathToFileURL(path.join(docsDir, `${rule}.md`)).toString());
  return href;
}

function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range, severity: SEVERITY[f.severity], code: f.rule, source: 'reslint', message: f.message,
    codeDescription: { href: ruleDoc(f.rule) },
  };
}

documents.onDidOpen((e) => schedule(e.document, 0));
documents.onDidChangeContent((e) => schedule(e.document));
// Closed files stay in the index (their text on disk is what was last saved).
documents.onDidClose((e) => {
  clearTimeout(timers.get(e.document.uri));
  indexNow(e.document.uri, true);
  results.delete(e.document.uri);
  analysers.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const result = await analyse(doc);
  if (!result) return [];
  const only = params.context.only;
  // Renumbering is offered only from a complete parse (never from an analysis cut at the size limit).
  const complete = result.doc.text.length === doc.getText().length ? result.doc : undefined;
  const plans = codeActions(result.findings, params.range, result.doc.lang, complete)
    .filter((p) => !only || only.some((k) => (p.fixAll ? CodeActionKind.SourceFixAll : CodeActionKind.QuickFix).startsWith(k)));
  return plans.map((p): CodeAction => ({
    title: p.title,
    kind: p.fixAll ? CodeActionKind.SourceFixAll : CodeActionKind.QuickFix,
    isPreferred: p.preferred || undefined,
    diagnostics: p.fixAll ? undefined : p.findings.map(toDiagnostic),
    edit: { changes: { [doc.uri]: p.edits } },
  }));
});

// Semantic tokens come from the same cached analysis as diagnostics: no second parse per request.
connection.languages.semanticTokens.on(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const result = doc && (await analyse(doc));
  return { data: result ? encode(semanticTokens(result.doc)) : [] };
});

connection.languages.semanticTokens.onRange(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const result = doc && (await analyse(doc));
  return { data: result ? encode(rangeFilter(semanticTokens(result.doc), params.range)) : [] };
});

connection.onCompletion(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const result = doc && (await analyseForIndex(doc));
  if (!result) return [];
  const note = footnoteCompletion(result.doc, params.position);
  if (note) return [{ label: note.label, kind: CompletionItemKind.Reference, detail: note.detail, textEdit: note.textEdit, preselect: true }];
  const cited = citationCompletions(result.doc, params.position, (prefix, lang, limit) => index.search(prefix, lang, limit));
  if (cited.length) {
    return cited.map((c) => ({ label: c.label, kind: CompletionItemKind.Reference, detail: c.detail, documentation: c.documentation, textEdit: c.textEdit, sortText: c.sortText }));
  }
  return completions(result.doc, params.position).map((c) => ({
    label: c.label,
    kind: c.kind === 'operative' ? CompletionItemKind.Function : CompletionItemKind.Keyword,
    detail: c.detail,
    textEdit: c.textEdit,
    filterText: c.filterText,
    sortText: c.sortText,
    insertTextFormat: InsertTextFormat.PlainText,
  }));
});

/** Citations of an analysed document (found once per parsed document, shared with the index). */
function citationsOf(result: LintResult): Citation[] {
  return findCitations(result.doc);
}

connection.onHover(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const result = doc && (await analyseForIndex(doc));
  const h = result && hover(result.doc, citationsOf(result), params.position, { lookup: (k) => index.lookup(k, result.doc.lang), citedCount: (k) => index.citedCount(k) });
  return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
});

connection.onDefinition(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const result = doc && (await analyseForIndex(doc));
  const target = result && definition(result.doc, citationsOf(result), params.position, { lookup: (k) => index.lookup(k, result.doc.lang) });
  return target ? { uri: target.uri ?? params.textDocument.uri, range: target.range } : null;
});

connection.onReferences(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const result = doc && (await analyseForIndex(doc));
  if (!result) return [];
  const citation = citationsOf(result).find((c) => rangeContains(c.symbolRange, params.position));
  return citation ? index.references(citation.symbol).map((r) => ({ uri: r.uri, range: r.range })) : [];
});

// The client's status bar: kind of document, organ, language, counts.
connection.onRequest('unResolution/documentInfo', async (params: { uri: string }) => {
  const doc = documents.get(params.uri);
  const result = doc && (await analyse(doc));
  return result ? documentInfo(result.doc) : null;
});

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  header: SymbolKind.File, part: SymbolKind.Module, preamble: SymbolKind.Namespace, paragraph: SymbolKind.Field,
  annex: SymbolKind.Module, heading: SymbolKind.String, meeting: SymbolKind.Event, organ: SymbolKind.Class,
};

function toDocumentSymbol(s: OutlineSymbol): DocumentSymbol {
  return { name: s.name, detail: s.detail, kind: SYMBOL_KIND[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(toDocumentSymbol) };
}

connection.onDocumentSymbol(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const result = doc && (await analyse(doc));
  return result ? documentSymbols(result.doc).map(toDocumentSymbol) : [];
});

connection.onFoldingRanges(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const result = doc && (await analyse(doc));
  return result
    ? foldingRanges(result.doc).map((f): FoldingRange => ({ startLine: f.startLine, endLine: f.endLine, kind: f.kind === 'comment' ? FoldingRangeKind.Comment : FoldingRangeKind.Region }))
    : [];
});

/** The renumbering of an open document, from a model of its whole current text (never a truncated or stale analysis). */
async function renumberDocument(doc: TextDocument) {
  // The current analysis' model when it covers the whole text; a document past the editor's size
  // limit was analysed only in part, and is parsed in full here.
  const analysed = await analyse(doc);
  const text = doc.getText();
  const parsed = analysed && analysed.doc.text.length === text.length ? analysed.doc : parse(text, { language: (await settingsFor(doc.uri)).language });
  return { lang: parsed.lang, result: renumber(parsed) };
}

connection.onDocumentFormatting(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  try {
    return (await renumberDocument(doc)).result.edits;
  } catch (error) {
    connection.console.error(`renumbering ${doc.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    return [];
  }
});

/** The document a command is about: a URI string, `{ uri }`, or a URI the client serialised. */
function commandTarget(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && typeof arg === 'object') {
    const o = arg as { uri?: unknown; external?: unknown };
    if (typeof o.uri === 'string') return o.uri;
    if (typeof o.external === 'string') return o.external;
  }
  const open = documents.all();
  return open.length === 1 ? open[0].uri : undefined;
}

// « Renumber paragraphs and footnotes »: one atomic edit, then a message that says what changed and what was left.
connection.onExecuteCommand(async (params) => {
  if (params.command !== RENUMBER_COMMAND) return null;
  const uri = commandTarget(params.arguments?.[0]);
  const doc = uri ? documents.get(uri) : undefined;
  if (!doc) {
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: 'Renumber: no open UN resolution document. / Renuméroter : aucun document de résolution ouvert.' });
    return null;
  }
  const { lang, result } = await renumberDocument(doc);
  let applied = true;
  if (result.edits.length) {
    const edit = versionedEdits
      ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: result.edits }] }
      : { changes: { [doc.uri]: result.edits } };
    try {
      applied = (await connection.workspace.applyEdit({ label: lang === 'fr' ? 'Renuméroter les paragraphes et les notes' : 'Renumber paragraphs and footnotes', edit })).applied;
    } catch (error) {
      connection.console.error(`renumbering ${doc.uri}: the client did not apply the edit: ${String(error)}`);
      applied = false;
    }
  }
  const message = applied
    ? renumberMessage(result, lang)
    : lang === 'fr' ? 'Renumérotation non appliquée : le document a changé entre-temps ; relancer la commande.' : 'Renumbering not applied: the document changed meanwhile; run the command again.';
  // A notification, not a request: nothing waits for the drafter to close it.
  const type = result.left.length || result.footnotesSkipped || !applied ? MessageType.Warning : MessageType.Info;
  void connection.sendNotification(ShowMessageNotification.type, { type, message });
  return { applied, message, paragraphs: result.paragraphs, footnotes: result.footnotes, references: result.references, left: result.left };
});

process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error instanceof Error ? error.stack : String(error)}`));

documents.listen(connection);
connection.listen();
