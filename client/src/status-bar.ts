// The status bar item: what the open resolution is (kind, organ, language, counts), as the server
// reads it. Shown only for un-resolution editors; hidden whenever the server cannot say.
import { Disposable, l10n, MarkdownString, StatusBarAlignment, window, workspace, type StatusBarItem, type TextDocument } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { DocumentInfo } from '../../server/src/core/features/document-info';

export const DOCUMENT_INFO_REQUEST = 'unResolution/documentInfo';
export interface DocumentInfoParams { uri: string }

const LANGUAGE_ID = 'un-resolution';
const DEBOUNCE_MS = 300;
// JSON-RPC "method not found": a server without the request. Ask again only once it restarts.
const METHOD_NOT_FOUND = -32601;

export class DocumentInfoStatus implements Disposable {
  private readonly item: StatusBarItem;
  private readonly disposables: Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every refresh: an answer to an older request is dropped. */
  private generation = 0;
  private unsupported = false;

  constructor(private readonly client: LanguageClient) {
    this.item = window.createStatusBarItem('unResolution.documentInfo', StatusBarAlignment.Right, 100);
    this.item.name = l10n.t('UN resolution: document summary');
    this.item.command = 'workbench.action.gotoSymbol';
    this.disposables.push(
      this.item,
      window.onDidChangeActiveTextEditor(() => this.refresh()),
      workspace.onDidChangeTextDocument((e) => { if (this.isActive(e.document)) this.schedule(); }),
      // Changing an editor's language mode reopens its document.
      workspace.onDidOpenTextDocument((d) => { if (d === window.activeTextEditor?.document) this.refresh(); }),
      workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('unResolution')) this.schedule(); }),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) { this.unsupported = false; this.refresh(); } else this.hide();
      }),
    );
    this.refresh();
  }

  private isActive(doc: TextDocument): boolean {
    return doc === window.activeTextEditor?.document;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => { this.timer = undefined; this.refresh(); }, DEBOUNCE_MS);
  }

  private hide(): void {
    this.generation++;
    this.item.hide();
  }

  async refresh(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    const doc = window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID || this.unsupported || !this.client.isRunning()) return this.hide();
    const generation = ++this.generation;
    let info: DocumentInfo | null;
    try {
      info = await this.client.sendRequest<DocumentInfo | null>(DOCUMENT_INFO_REQUEST, { uri: doc.uri.toString() } satisfies DocumentInfoParams);
    } catch (error) {
      // Quietly: a server without the request, a restart, a cancelled request all just hide the item.
      if ((error as { code?: unknown } | undefined)?.code === METHOD_NOT_FOUND) this.unsupported = true;
      if (generation === this.generation) this.item.hide();
      return;
    }
    if (generation !== this.generation || !this.isActive(doc)) return;
    if (!info || typeof info.label !== 'string') { this.item.hide(); return; }
    this.item.text = info.label;
    this.item.tooltip = tooltip(info);
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function kindName(info: DocumentInfo): string {
  switch (info.kind) {
    case 'resolution': return l10n.t('Resolution');
    case 'draft-resolution': return l10n.t('Draft resolution');
    case 'report': return l10n.t('Report');
    default: return l10n.t('Document of unknown kind');
  }
}

/** Details in the interface's language; the organ keeps the name the document gives it. */
function tooltip(info: DocumentInfo): MarkdownString {
  const c = info.counts;
  const lines: string[] = [];
  if (info.organName) lines.push(l10n.t('Organ: {0}', info.organName));
  if (info.nested) lines.push(l10n.t('Contains a nested draft resolution'));
  lines.push(l10n.t('Language of the document: {0}', info.lang === 'fr' ? l10n.t('French') : l10n.t('English')));
  if (info.kind === 'report') {
    lines.push(l10n.t('Numbered paragraphs: {0}', c.reportParagraphs));
  } else {
    lines.push(l10n.t('Preambular paragraphs: {0}', c.preamble));
    lines.push(l10n.t('Operative paragraphs: {0}', c.operative));
  }
  if (c.annexParagraphs) lines.push(l10n.t('Numbered paragraphs in annexes: {0}', c.annexParagraphs));
  lines.push(l10n.t('Footnotes: {0}', c.footnotes));
  const title = `**${escapeMarkdown(kindName(info))}**${info.symbol ? ' ' + escapeMarkdown(info.symbol) : ''}`;
  const md = new MarkdownString([title, ...lines.map(escapeMarkdown)].join('  \n'));
  md.appendMarkdown(`\n\n_${escapeMarkdown(l10n.t('Click to go to a paragraph.'))}_`);
  return md;
}

/** Organ names and symbols are plain text: keep Markdown from reading them. */
function escapeMarkdown(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+\-!|<>])/g, '\\$1');
}
