// Scenario c (as test/e2e/c-outline.test.ts): the document symbols of seed 000 (the Outline
// view) list its operative paragraphs as « 3. Souligne » (number and italic operative phrase),
// in order.
/// <reference types="mocha" />
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activeExtension, documentSymbols, openInEditor, seedText, waitFor, workspaceRoot } from './helpers';

const SEED = '000_adffb6421272b05b.txt';

suite('c. outline of seed 000', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('the document symbols list the operative paragraphs in order', async () => {
    const expected = [...seedText(SEED).matchAll(/^(\d+)\. \*([^*]+)\*/gm)].map((m) => `${m[1]}. ${m[2].trim()}`);
    assert.ok(expected.length > 50 && expected.includes('3. Souligne'), 'seed 000 has its operative paragraphs');

    const uri = vscode.Uri.file(join(workspaceRoot(), SEED));
    await openInEditor(uri);
    await activeExtension();
    const symbols = await waitFor(async () => {
      const all = await documentSymbols(uri);
      return all.filter((s) => /^\d+\.\s/.test(s.name)).length >= expected.length ? all : undefined;
    }, `${expected.length} numbered symbols`);
    const operative = symbols.map((s) => s.name).filter((n) => /^\d+\.\s/.test(n));
    assert.deepEqual(operative, expected, 'operative paragraphs, in order');
    const third = symbols.find((s) => s.name === '3. Souligne')!;
    assert.ok(third.range.contains(third.selectionRange), 'the selection range lies within the symbol');
  });
});
