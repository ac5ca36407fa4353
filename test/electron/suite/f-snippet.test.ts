// Scenario f (as test/e2e/f-snippet.test.ts): in a new, empty `f-new.resolution` (an
// un-resolution document by its extension), the prefix `res-ga-fr` is offered as a snippet, and
// the snippet « Résolution de l’Assemblée générale », inserted by name, writes a General Assembly
// skeleton: « *L'Assemblée générale,* », then operative paragraphs from « 1. ».
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { LANGUAGE_ID, Scratch, activeExtension, completionItems, labelOf, openInEditor, waitFor } from './helpers';

const FILE = 'f-new.resolution';
const PREFIX = 'res-ga-fr';
const SNIPPET = 'Résolution de l’Assemblée générale';

suite('f. snippets', () => {
  const scratch = new Scratch();
  teardown(() => scratch.cleanUp());

  test('res-ga-fr is offered, and the snippet expands into a General Assembly resolution', async () => {
    const uri = scratch.write(FILE, '');
    const editor = await openInEditor(uri);
    assert.equal(editor.document.languageId, LANGUAGE_ID, '.resolution files are un-resolution documents');
    await activeExtension();

    // The prefix, typed, is offered as a snippet completion.
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), PREFIX)));
    const end = new vscode.Position(0, PREFIX.length);
    const offered = await waitFor(async () => (await completionItems(uri, end)).find((i) => labelOf(i) === PREFIX), `a completion « ${PREFIX} »`);
    assert.equal(offered.kind, vscode.CompletionItemKind.Snippet, `« ${PREFIX} » is a snippet`);

    // Replace the prefix by the snippet, inserted by its name.
    editor.selection = new vscode.Selection(new vscode.Position(0, 0), end);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: LANGUAGE_ID, name: SNIPPET });
    const text = await waitFor(() => (editor.document.getText().includes("*L'Assemblée générale,*") ? editor.document.getText() : undefined), 'the expanded snippet');
    assert.ok(!text.includes(PREFIX), 'the prefix was replaced');
    const lines = text.split('\n');
    const organ = lines.indexOf("*L'Assemblée générale,*");
    assert.ok(organ >= 0, 'organ line « *L\'Assemblée générale,* »');
    const ops = lines.filter((l) => /^\d+\. \*/.test(l)).map((l) => l.split(' ')[0]);
    assert.deepEqual(ops, ['1.', '2.', '3.'], 'operative paragraphs 1. to 3.');
    assert.ok(organ < lines.findIndex((l) => l.startsWith('1. ')), 'organ line before paragraph 1');
    await vscode.commands.executeCommand('leaveSnippet');
  });
});
