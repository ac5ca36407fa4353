// Scenario a (as test/e2e/a-seed-clean.test.ts): seed 000 opens as an un-resolution document
// (seeds/.vscode/settings.json associates *.txt), the extension activates, its language server
// answers, and it reports neither an error nor a warning.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { LANGUAGE_ID, activeExtension, describeDiagnostics, diagnosticsPublished, documentSymbols, openInEditor, reslintDiagnostics, waitFor, workspaceRoot } from './helpers';

const SEED = '000_adffb6421272b05b.txt';

suite('a. a clean seed', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('seed 000 opens as un-resolution, the extension activates, no error and no warning', async () => {
    const associations = vscode.workspace.getConfiguration('files').get<Record<string, string>>('associations') ?? {};
    assert.equal(associations['*.txt'], LANGUAGE_ID, 'the workspace associates *.txt with un-resolution');

    const uri = vscode.Uri.file(join(workspaceRoot(), SEED));
    // Seed 000 has no finding: the server publishes an empty list, with no other signal that it is done.
    const published = diagnosticsPublished(uri, 10_000);
    const editor = await openInEditor(uri);
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    await activeExtension();
    // The language server runs and has analysed the document once it returns its symbols.
    await waitFor(async () => (await documentSymbols(uri)).length > 0, 'document symbols from the language server');
    await published; // bounded: true when the publication was seen, false after 10 s

    const serious = reslintDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(serious, [], `no error and no warning:\n${describeDiagnostics(serious)}`);
  });
});
