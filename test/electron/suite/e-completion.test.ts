// Scenario e (as test/e2e/e-completion.test.ts): in a copy of seed 002, a blank line and « 36. »
// after paragraph 35 get completions: the operative verbs (« Décide ») and, for « Recommande »
// (already used in paragraph 8), its next step « Recommande également ». Accepting « Décide »
// writes « 36. *Décide* », in italics like the document's other verbs.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Scratch, activeExtension, applyCompletion, completionItems, labelOf, lineIndexOf, openInEditor, published, seedCopy, waitFor, waitForDiagnostics } from './helpers';

const FILE = 'e-002-completion.txt';

suite('e. completion of operative verbs', () => {
  const scratch = new Scratch();
  teardown(() => scratch.cleanUp());

  test('after « 36. »: « Décide » and « Recommande également »; « Décide » is inserted in italics', async () => {
    const text = seedCopy('002_767ec97c2a554405.txt', []);
    const last = lineIndexOf(text, 'des adhésions à ces instruments.');
    assert.ok(text.split('\n')[last].startsWith('35. '), 'paragraph 35 is the last one');
    const uri = scratch.write(FILE, text);
    const editor = await openInEditor(uri);
    await activeExtension();
    await waitForDiagnostics(uri, published, 'the first diagnostics (the server has analysed the document)');

    // A blank line, then « 36. » and a space (the space is a trigger character).
    assert.ok(await editor.edit((b) => b.insert(editor.document.lineAt(last).range.end, '\n\n36. ')), 'typed « 36. »');
    const position = new vscode.Position(last + 2, '36. '.length);
    editor.selection = new vscode.Selection(position, position);

    const items = await waitFor(async () => {
      const found = await completionItems(uri, position, ' ');
      return found.some((i) => labelOf(i) === 'Décide') ? found : undefined;
    }, 'a completion « Décide »');
    const labels = items.map(labelOf);
    assert.ok(labels.includes('Recommande également'), `« Recommande également » among ${labels.length} items: ${labels.slice(0, 30).join(' | ')}…`);
    const decide = items.find((i) => labelOf(i) === 'Décide')!;
    assert.equal(decide.kind, vscode.CompletionItemKind.Function, 'operative verbs are of kind Function');

    await applyCompletion(editor, decide, position);
    assert.equal(editor.document.lineAt(last + 2).text.trimEnd(), '36. *Décide*');
    assert.equal(editor.document.lineAt(last + 1).text, '', 'a blank line between paragraphs 35 and 36');
  });
});
