// Shared by the scenario files of the @vscode/test-electron suite (bundled into each of them).
// The workspace is a throw-away copy of seeds/ (see ../run.ts); scenarios add their own files
// to it, with names of their own, and remove them when they end.
/// <reference types="mocha" />
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';

export const LANGUAGE_ID = 'un-resolution';
export const EXTENSION_NAME = 'un-resolution-drafting';

/** Bounds for each kind of wait (a scenario's mocha timeout is larger than their sum). */
export const TIMEOUTS = {
  /** the extension activated after opening a document. */
  activation: 60_000,
  /** diagnostics, symbols, completions from the language server. */
  language: 30_000,
};

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder (a copy of seeds/)');
  return folder.uri.fsPath;
}

/** A seed's text as found in the workspace copy. */
export function seedText(seed: string): string {
  return readFileSync(join(workspaceRoot(), seed), 'utf8');
}

/** A seed's text with replacements, each `from` occurring exactly once. */
export function seedCopy(seed: string, swaps: [from: string, to: string][]): string {
  let text = seedText(seed);
  for (const [from, to] of swaps) {
    const count = text.split(from).length - 1;
    if (count !== 1) throw new Error(`${seed}: expected « ${from} » exactly once, found it ${count} time(s)`);
    text = text.replace(from, () => to);
  }
  return text;
}

/** 0-based index of the first line of `text` containing `needle` (-1 when none does). */
export function lineIndexOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle));
}

/** Files and folders a scenario wrote into the workspace, removed by `cleanUp()`. */
export class Scratch {
  private readonly paths: string[] = [];

  /** Writes `text` to a new workspace-relative path (folders created as needed); returns its URI. */
  write(rel: string, text: string): vscode.Uri {
    const root = workspaceRoot();
    const file = join(root, rel);
    const top = join(root, rel.split('/')[0]);
    const owned = existsSync(top) ? file : top; // a new top-level folder goes as a whole
    if (!this.paths.includes(owned)) this.paths.push(owned);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return vscode.Uri.file(file);
  }

  /** Saves and closes every editor, then removes what `write` created. */
  async cleanUp(): Promise<void> {
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && !doc.isUntitled) await doc.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const p of this.paths.splice(0).reverse()) rmSync(p, { recursive: true, force: true });
  }
}

/** Opens a document in an editor (which activates the extension for an un-resolution document). */
export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The extension under development, once active. */
export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.all.find((e) => (e.packageJSON as { name?: string }).name === EXTENSION_NAME);
  if (!ext) throw new Error(`extension ${EXTENSION_NAME} is not loaded (extensionDevelopmentPath)`);
  await waitFor(() => ext.isActive, `activation of ${ext.id}`, TIMEOUTS.activation);
  return ext;
}

/** Polls `probe` every 100 ms until it returns a truthy value; returns that value. */
export async function waitFor<T>(probe: () => T | Promise<T>, what: string, timeout = TIMEOUTS.language): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The rule id of a diagnostic of the language server (its code, which may carry a link). */
export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '');
}

/** The language server's diagnostics for a document. */
export function reslintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'reslint');
}

export function describeDiagnostics(diagnostics: vscode.Diagnostic[]): string {
  return diagnostics.map((d) => `  ${vscode.DiagnosticSeverity[d.severity]} ${ruleOf(d)} line ${d.range.start.line + 1}: ${d.message}`).join('\n') || '  (none)';
}

/** Polls the document's diagnostics until `accept` holds; returns them. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeout = TIMEOUTS.language,
): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  try {
    await waitFor(() => accept((last = reslintDiagnostics(uri))), what, timeout);
  } catch (err) {
    (err as Error).message += `\nlast diagnostics:\n${describeDiagnostics(last)}`;
    throw err;
  }
  return last;
}

/** Resolves when diagnostics for `uri` change (the server published), or after `timeout` ms with false. */
export function diagnosticsPublished(uri: vscode.Uri, timeout = TIMEOUTS.language): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      sub.dispose();
      resolve(false);
    }, timeout);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) {
        clearTimeout(timer);
        sub.dispose();
        resolve(true);
      }
    });
  });
}

/** The seed's own findings (« footnote-reused » infos in seed 002) show that the server has published for a copy. */
export const published = (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => ruleOf(d) === 'footnote-reused');

/** Document symbols, depth first (the Outline view's order). */
export async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const top = (await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  const out: vscode.DocumentSymbol[] = [];
  const walk = (symbols: vscode.DocumentSymbol[]) => {
    for (const s of symbols) {
      out.push(s);
      walk(s.children ?? []);
    }
  };
  walk(top.filter((s): s is vscode.DocumentSymbol => 'children' in s));
  return out;
}

/** Completion items at a position (all providers: the language server's, snippets…). */
export async function completionItems(uri: vscode.Uri, position: vscode.Position, triggerCharacter?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, triggerCharacter);
  return list?.items ?? [];
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Applies a completion item as accepting it would: its text (or snippet) over its range. */
export async function applyCompletion(editor: vscode.TextEditor, item: vscode.CompletionItem, position: vscode.Position): Promise<void> {
  const range = item.range instanceof vscode.Range ? item.range : item.range ? item.range.replacing : editor.document.getWordRangeAtPosition(position) ?? new vscode.Range(position, position);
  const text = item.insertText ?? labelOf(item);
  if (text instanceof vscode.SnippetString) {
    if (!(await editor.insertSnippet(text, range))) throw new Error(`snippet of « ${labelOf(item)} » not inserted`);
  } else if (!(await editor.edit((b) => b.replace(range, text)))) {
    throw new Error(`edit of « ${labelOf(item)} » not applied`);
  }
}

/** Quick fixes and other code actions for a range. */
export async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
  return actions.filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** Applies a code action: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) throw new Error(`edit of « ${action.title} » not applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}
