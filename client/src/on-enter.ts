// The Enter key in un-resolution editors (bound in package.json): continue the numbering when
// client/src/continuation.ts says how, otherwise a plain Enter, as if the binding did not exist.
import { commands, Position, Range, Selection, window, workspace, type Disposable, type TextDocument } from 'vscode';
import { continueOnEnter, type Lines } from './continuation';

export const ON_ENTER_COMMAND = 'unResolution.onEnter';

function plainEnter(): Thenable<unknown> {
  return commands.executeCommand('type', { source: 'keyboard', text: '\n' });
}

function linesOf(doc: TextDocument): Lines {
  return { length: doc.lineCount, at: (i) => (i >= 0 && i < doc.lineCount ? doc.lineAt(i).text : undefined) };
}

async function onEnter(): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'un-resolution' || editor.selections.length !== 1 || !editor.selection.isEmpty
    || !workspace.getConfiguration('unResolution', editor.document).get<boolean>('editor.continueNumbering', true)) {
    await plainEnter();
    return;
  }
  const { document } = editor;
  const at = editor.selection.active;
  const edit = continueOnEnter(linesOf(document), at.line, at.character);
  if (!edit) {
    await plainEnter();
    return;
  }
  const version = document.version;
  const range = new Range(edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character);
  const applied = await editor.edit((b) => b.replace(range, edit.text), { undoStopBefore: true, undoStopAfter: true });
  if (!applied || document.version === version) return;
  const cursor = new Position(edit.cursor.line, edit.cursor.character);
  editor.selection = new Selection(cursor, cursor);
  editor.revealRange(new Range(cursor, cursor));
}

export function registerOnEnter(): Disposable {
  return commands.registerCommand(ON_ENTER_COMMAND, onEnter);
}
