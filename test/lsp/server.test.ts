// The language server over stdio, as an editor talks to it: diagnostics published on open and
// change, code actions, document symbols and folding ranges, configuration pulled per document.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
  ApplyWorkspaceEditRequest, DocumentFormattingRequest, ExecuteCommandRequest, ShowMessageNotification, type TextEdit,
  CodeActionRequest, CompletionRequest, ConfigurationRequest, DefinitionRequest, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, ReferencesRequest, SemanticTokensRequest, SemanticTokensRangeRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
  DocumentSymbolRequest, FoldingRangeRequest, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification,
  type CompletionItem, type Diagnostic, type DocumentSymbol, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { FIXTURES_DIR, read, readFixture, ROOT, SEEDS } from '../helpers';
import { applyEdits } from '../../server/src/core/features/code-actions';

let server: ChildProcess;
let conn: ProtocolConnection;
const published = new Map<string, PublishDiagnosticsParams[]>();
const waiters: (() => void)[] = [];
let ruleSettings: Record<string, string> = {};

function diagnosticsFor(uri: string, predicate: (d: Diagnostic[]) => boolean = () => true, timeout = 5000): Promise<Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const last = published.get(uri)?.at(-1);
      if (last && predicate(last.diagnostics)) { resolve(last.diagnostics); return true; }
      return false;
    };
    if (check()) return;
    const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}: ${JSON.stringify(published.get(uri)?.map((p) => p.diagnostics.map((d) => d.code)))}`)), timeout);
    const w = () => { if (check()) { clearTimeout(timer); waiters.splice(waiters.indexOf(w), 1); } };
    waiters.push(w);
  });
}

/** The position three characters into `needle`, where it first stands in `lines` (inside a citation such as « [73/185] »). */
function inside(lines: string[], needle: string): { line: number; character: number } {
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `« ${needle} » in the text`);
  return { line, character: lines[line].indexOf(needle) + 3 };
}

let version = 1;
function open(name: string, text: string, dir = path.join(ROOT, 'test', 'out')): string {
  const uri = pathToFileURL(path.join(dir, name)).toString();
  void conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'un-resolution', version: version++, text } });
  return uri;
}

describe('language server over stdio', () => {
  before(async () => {
    server = spawn(process.execPath, [path.join(ROOT, 'server', 'out', 'server.js'), '--stdio'], { stdio: 'pipe' });
    server.stderr!.on('data', (d) => process.stderr.write(d));
    conn = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      published.set(p.uri, [...(published.get(p.uri) ?? []), p]);
      [...waiters].forEach((w) => w());
    });
    conn.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ language: 'auto', rules: ruleSettings })));
    conn.listen();
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: null, workspaceFolders: null,
      capabilities: { workspace: { configuration: true }, textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
    });
    await conn.sendNotification(InitializedNotification.type, {});
  });

  after(() => { conn.dispose(); server.kill(); });

  it('publishes no error and no warning for seed 000', async () => {
    const uri = open('seed-000.txt', read(SEEDS[0]));
    const diags = await diagnosticsFor(uri);
    assert.deepEqual(diags.filter((d) => d.severity! <= 2), []);
  });

  it('publishes the expected diagnostics for a defective copy, then follows edits', async () => {
    const fixture = readFixture(path.join(FIXTURES_DIR, 'fr-structure.resolution'));
    const uri = open('defective.resolution', fixture.text);
    const diags = await diagnosticsFor(uri, (d) => d.length > 0);
    assert.deepEqual(diags.map((d) => `${d.range.start.line + 1}:${d.code}`).sort(), fixture.expected);
    const numbering = diags.find((d) => d.code === 'paragraph-numbering')!;
    assert.equal(numbering.message, 'Le paragraphe 4 suit le paragraphe 2 : numéro attendu 3');
    assert.equal(numbering.source, 'reslint');
    assert.match(numbering.codeDescription!.href, /docs\/rules\/paragraph-numbering\.md$/);
    // Renumber « 4. » to « 3. » by an incremental edit: the gap moves to paragraph 5, still one diagnostic.
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: version++ },
      contentChanges: [{ range: numbering.range, text: '3' }],
    });
    const moved = (d: Diagnostic[]) => d.filter((x) => x.code === 'paragraph-numbering');
    const after = await diagnosticsFor(uri, (d) => moved(d)[0]?.range.start.line === 30);
    assert.deepEqual(moved(after).map((d) => d.message), ['Le paragraphe 5 suit le paragraphe 3 : numéro attendu 4']);
    assert.equal(after.length, diags.length);
  });

  it('offers quick fixes, preferred where unambiguous, and a fix-all action', async () => {
    const fixture = readFixture(path.join(FIXTURES_DIR, 'fr-structure.resolution'));
    const uri = open('actions.resolution', fixture.text);
    const diags = await diagnosticsFor(uri, (d) => d.length > 0);
    const italic = diags.find((d) => d.code === 'operative-verb-italic')!;
    const actions = await conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: italic.range, context: { diagnostics: [italic] } });
    const quick = actions!.find((a) => 'title' in a && a.title === 'Mettre « Exhorte » en italique') as { isPreferred?: boolean; edit?: { changes?: Record<string, { newText: string }[]> } };
    assert.ok(quick, JSON.stringify(actions));
    assert.equal(quick.isPreferred, true);
    assert.deepEqual(quick.edit!.changes![uri].map((e) => e.newText), ['*', '*']);
    assert.ok(actions!.some((a) => 'kind' in a && a.kind === 'source.fixAll'));
  });

  it('outlines seed 000 with « 3. Souligne » style paragraphs, and folds its parts', async () => {
    const uri = open('outline-000.txt', read(SEEDS[0]));
    await diagnosticsFor(uri);
    const symbols = (await conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.match(symbols[0].name, /^78\/229\. Renforcement du programme des Nations Unies/);
    const resolution = symbols.find((s) => s.name === "L'Assemblée générale,")!;
    const names = resolution.children!.map((c) => c.name);
    assert.equal(names[0], 'Préambule');
    assert.ok(names.includes('3. Souligne'), names.slice(0, 6).join(' | '));
    assert.ok(names.includes('58. Prend note avec satisfaction'));
    assert.equal(names.filter((n) => /^\d+\. /.test(n)).length, 93);
    const folds = await conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok(folds!.some((f) => f.startLine === 19 && f.endLine >= 527), 'the resolution folds as one part');
  });

  it('outlines the nested draft and annex of seed 001', async () => {
    const uri = open('outline-001.txt', read(SEEDS[1]));
    await diagnosticsFor(uri);
    const symbols = (await conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const ecosoc = symbols.find((s) => s.name === '*Le Conseil économique et social*'.replace(/\*/g, ''))!;
    const draft = ecosoc.children!.find((c) => c.detail === 'projet de résolution')!;
    assert.ok(draft.children!.some((c) => c.name === '13. Prie également'));
    assert.ok(draft.children!.some((c) => c.name === 'Annexe'));
  });

  it('honours per-rule severities from the configuration', async () => {
    ruleSettings = { 'paragraph-numbering': 'off', 'operative-verb-italic': 'hint' };
    await conn.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    const fixture = readFixture(path.join(FIXTURES_DIR, 'fr-structure.resolution'));
    const uri = open('configured.resolution', fixture.text);
    const diags = await diagnosticsFor(uri, (d) => d.length > 0);
    assert.ok(!diags.some((d) => d.code === 'paragraph-numbering'));
    assert.equal(diags.find((d) => d.code === 'operative-verb-italic')!.severity, 4);
    ruleSettings = {};
  });

  it('completes operative verbs after « N. », with the next step of the sequence, in italics like the document', async () => {
    // Seed 002 up to its paragraph 35, then a new « 36. » being typed.
    const lines = read(SEEDS[2]).split('\n');
    const uri = open('completion-002.txt', [...lines.slice(0, 174), '', '36. '].join('\n'));
    await diagnosticsFor(uri);
    const items = (await conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 175, character: 4 } })) as CompletionItem[];
    const byLabel = new Map(items.map((i) => [i.label, i]));
    assert.ok(byLabel.has('Décide'));
    assert.ok(byLabel.has('Recommande également'), '« Recommande » is used once in seed 002');
    assert.ok(byLabel.has('Demande également') && !byLabel.has('Demande en outre'), '« Demande » is used twice in seed 002, never with « également »: that step comes first');
    assert.ok(byLabel.has('Engage') && !byLabel.has('Engage également'), '« Engage » four times: a 4th plain use is fine');
    assert.equal(byLabel.get('Recommande également')!.sortText!.charAt(0), '0', 'used openers first');
    assert.equal((byLabel.get('Décide')!.textEdit as { newText: string }).newText, '*Décide* ');
    assert.ok(!items.some((i) => i.label === 'Rappelant'), 'no preambular opener in the operative part');
  });

  it('completes preambular openers in the preamble, agreeing with the organ', async () => {
    const uri = open('completion-pre.resolution', 'Le Conseil de sécurité,\n\nRappelant sa résolution 1373 (2001),\n\n');
    await diagnosticsFor(uri);
    const items = (await conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 4, character: 0 } })) as CompletionItem[];
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('Rappelant également'));
    assert.ok(labels.includes('Conscient') && !labels.includes('Consciente'), 'masculine after « Le Conseil »');
    assert.ok(!labels.includes('Décide'));
    const none = (await conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 20 } })) as CompletionItem[];
    assert.deepEqual(none, [], 'nothing in the middle of a paragraph');
  });

  it('reads the nearest .reslintrc.json for documents below it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reslint-lsp-'));
    writeFileSync(path.join(dir, '.reslintrc.json'), '{ "language": "en", "rules": { "operative-verb-italic": "off" } }');
    const fixture = readFixture(path.join(FIXTURES_DIR, 'fr-structure.resolution'));
    const uri = open('configured-by-file.resolution', fixture.text, dir);
    const diags = await diagnosticsFor(uri, (d) => d.length > 0);
    assert.ok(!diags.some((d) => d.code === 'operative-verb-italic'));
    assert.ok(diags.some((d) => d.message === 'Paragraph 4 follows paragraph 2: expected 3'), 'language from the file');
  });

  it('answers semantic tokens from the same analysis: nested draft openers differ from the outer text', async () => {
    const uri = open('tokens-001.txt', read(SEEDS[1]));
    await diagnosticsFor(uri);
    const { data } = (await conn.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }))!;
    assert.equal(data.length % 5, 0);
    // Decode: absolute line, character, length, type, modifiers.
    const tokens: number[][] = [];
    let line = 0, char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]; char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      tokens.push([line, char, data[i + 2], data[i + 3], data[i + 4]]);
    }
    const at = (l: number) => tokens.filter((t) => t[0] === l);
    const recommande = at(26).find((t) => t[1] === 1)!; // « *Recommande* », ECOSOC's own paragraph
    const soulignant = at(30).find((t) => t[1] === 1)!; // « *Soulignant* », first opener of the nested GA draft
    assert.equal(recommande[4] & 1, 0, 'outer text is not nested');
    assert.equal(soulignant[4] & 1, 1, 'the draft is nested');
    const range = (await conn.sendRequest(SemanticTokensRangeRequest.type, { textDocument: { uri }, range: { start: { line: 30, character: 0 }, end: { line: 31, character: 0 } } }))!;
    assert.ok(range.data.length > 0 && range.data.length < data.length);
  });

  it('a burst of 1,000 edits ends with the diagnostics of the final text, and the server still answers', async () => {
    const fixture = readFixture(path.join(FIXTURES_DIR, 'fr-structure.resolution'));
    const uri = open('burst.resolution', fixture.text);
    await diagnosticsFor(uri, (d) => d.length > 0);
    const before = published.get(uri)!.length;
    // Type « x » a thousand times at the end of line 1, then delete them all: the text is back.
    for (let k = 0; k < 1000; k++) {
      void conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: version++ }, contentChanges: [{ range: { start: { line: 0, character: 18 + k }, end: { line: 0, character: 18 + k } }, text: 'x' }] });
    }
    void conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: version++ }, contentChanges: [{ range: { start: { line: 0, character: 18 }, end: { line: 0, character: 1018 } }, text: '' }] });
    const symbols = await conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
    const final = await diagnosticsFor(uri, (d) => published.get(uri)!.length > before && d.length === fixture.expected.length);
    assert.deepEqual(final.map((d) => `${d.range.start.line + 1}:${d.code}`).sort(), fixture.expected);
    // Pending work is replaced, not queued: far fewer publications than edits.
    assert.ok(published.get(uri)!.length - before < 20, `${published.get(uri)!.length - before} publications`);
  });

  it('hovers a citation of seed 000 with its date and title, and jumps from a footnote call to its note', async () => {
    const text = read(SEEDS[0]);
    const uri = open('hover-000.txt', text);
    await diagnosticsFor(uri);
    const lines = text.split('\n');
    const h = (await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: inside(lines, '[73/185]') }))!;
    const value = (h.contents as { value: string }).value;
    assert.match(value, /A\/RES\/73\/185/);
    assert.match(value, /17 décembre 2018/);
    assert.match(value, /État de droit/);
    const h2 = (await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: inside(lines, '[78/223]') }))!;
    assert.match((h2.contents as { value: string }).value, /A\/RES\/78\/223[\s\S]*Adoptée le 19 décembre 2023/);
    const refLine = lines.findIndex((l) => l.includes('mars 2021⁶'));
    const def = (await conn.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: refLine, character: lines[refLine].indexOf('⁶') } })) as { uri: string; range: { start: { line: number } } };
    assert.ok(lines[def.range.start.line].startsWith('⁶ Voir'));
  });

  it('still hovers the citations after edits elsewhere (the same analyser reads the document again)', async () => {
    const text = read(SEEDS[0]);
    const uri = open('hover-after-edit-000.txt', text);
    await diagnosticsFor(uri);
    const lines = text.split('\n');
    const position = inside(lines, '[73/185]');
    const hoverText = async () => ((await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position }))?.contents as { value: string } | undefined)?.value;
    assert.match((await hoverText()) ?? '(no hover)', /A\/RES\/73\/185/);
    // A letter typed at the start of the last line, then deleted: two more analyses by the same analyser, keeping the other paragraphs.
    const last = lines.length - 1;
    for (const [k, change] of [{ range: { start: { line: last, character: 0 }, end: { line: last, character: 0 } }, text: 'x' }, { range: { start: { line: last, character: 0 }, end: { line: last, character: 1 } }, text: '' }].entries()) {
      await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: version++ }, contentChanges: [change] });
      assert.match((await hoverText()) ?? '(no hover)', /A\/RES\/73\/185[\s\S]*17 décembre 2018/, `after edit ${k + 1}`);
    }
  });

  it('a workspace of two files: B cites A; hover, definition, references and completion know A', async () => {
    const a = open('a-99-1.resolution', "Assemblée générale\n\nRésolution adoptée par l'Assemblée générale le 4 mars 2026\n\n99/1. Coopération internationale en matière de rédaction\n\nL'Assemblée générale,\n\nRappelant sa résolution 73/185,\n\n*Décide* de rester saisie de la question.\n");
    await diagnosticsFor(a);
    const bText = "L'Assemblée générale,\n\nRappelant sa résolution 99/1 du 4 mars 2026,\n\nRappelant également sa résolution 99/1,\n\n*Décide* de rester saisie de la question.\n";
    const b = open('b-cites-a.resolution', bText);
    await diagnosticsFor(b);
    const pos = { line: 2, character: bText.split('\n')[2].indexOf('99/1') + 1 };
    const h = (await conn.sendRequest(HoverRequest.type, { textDocument: { uri: b }, position: pos }))!;
    const value = (h.contents as { value: string }).value;
    assert.match(value, /Coopération internationale en matière de rédaction/);
    assert.match(value, /Définie dans a\\-99\\-1\\\.resolution, ligne 5/);
    const def = (await conn.sendRequest(DefinitionRequest.type, { textDocument: { uri: b }, position: pos })) as { uri: string; range: { start: { line: number } } };
    assert.equal(def.uri, a);
    assert.equal(def.range.start.line, 4);
    const refs = (await conn.sendRequest(ReferencesRequest.type, { textDocument: { uri: b }, position: pos, context: { includeDeclaration: true } }))!;
    assert.deepEqual(refs.filter((r) => r.uri === b).map((r) => r.range.start.line).sort(), [2, 4]);
    const c = open('c-typing.resolution', "L'Assemblée générale,\n\nRappelant sa résolution 73/1");
    await diagnosticsFor(c);
    const items = (await conn.sendRequest(CompletionRequest.type, { textDocument: { uri: c }, position: { line: 2, character: 29 } })) as CompletionItem[];
    assert.ok(items.some((i) => i.label === '73/185' && /17 décembre 2018/.test(i.detail ?? '')), items.slice(0, 5).map((i) => i.label).join(', '));
    // After a footnote marker: the next free number of seed 000 (which has notes 1 to 53).
    const lines000 = read(SEEDS[0]).split('\n');
    const d = open('note-000.txt', [...lines000.slice(0, 529), 'Texte<sup>'].join('\n'));
    await diagnosticsFor(d);
    const notes = (await conn.sendRequest(CompletionRequest.type, { textDocument: { uri: d }, position: { line: 529, character: 'Texte<sup>'.length } })) as CompletionItem[];
    assert.deepEqual(notes.map((i) => [i.label, (i.textEdit as { newText: string }).newText]), [['54', '54</sup>']]);
  });

  it('the index follows an open document being typed: a request right after its diagnostics finds its new text', async () => {
    const aText = (title: string) => `Assemblée générale\n\nRésolution adoptée par l'Assemblée générale le 5 mars 2026\n\n99/2. ${title}\n\nL'Assemblée générale,\n\n*Décide* de rester saisie de la question.\n`;
    const a = open('a-99-2.resolution', aText('Premier titre'));
    await diagnosticsFor(a);
    const bText = "L'Assemblée générale,\n\nRappelant sa résolution 99/2,\n\n*Décide* de rester saisie de la question.\n";
    const b = open('b-cites-99-2.resolution', bText);
    await diagnosticsFor(b);
    const pos = { line: 2, character: bText.split('\n')[2].indexOf('99/2') + 1 };
    const hoverB = async () => ((await conn.sendRequest(HoverRequest.type, { textDocument: { uri: b }, position: pos }))!.contents as { value: string }).value;
    assert.match(await hoverB(), /Premier titre/);
    // A's title is retyped; as soon as A's diagnostics arrive, a hover in B reads the new one (no pause needed).
    let current = 'Premier titre';
    for (const title of ['Deuxième titre', 'Troisième titre']) {
      const count = published.get(a)!.length;
      await conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: a, version: version++ },
        contentChanges: [{ range: { start: { line: 4, character: 6 }, end: { line: 4, character: 6 + current.length } }, text: title }],
      });
      current = title;
      await diagnosticsFor(a, () => published.get(a)!.length > count);
      assert.match(await hoverB(), new RegExp(title));
    }
  });

  it('a closed resolution file written on disk is indexed when the client reports it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reslint-watch-'));
    const file = path.join(dir, 'defines-98-7.resolution');
    writeFileSync(file, "Assemblée générale\n\n98/7. Rédaction des résolutions en langue claire\n\nL'Assemblée générale,\n\nRappelant sa résolution 73/185,\n\n*Décide* de rester saisie de la question.\n");
    await conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type: FileChangeType.Created }] });
    const text = "L'Assemblée générale,\n\nRappelant sa résolution 98/7,\n\n*Décide* de rester saisie de la question.\n";
    const uri = open('cites-98-7.resolution', text);
    await diagnosticsFor(uri);
    const h = (await conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: text.split('\n')[2].indexOf('98/7') + 1 } }))!;
    assert.match((h.contents as { value: string }).value, /Rédaction des résolutions en langue claire/);
  });

  it('a 10 MB compendium is checked up to 4 million characters, says so, and the server keeps answering', async () => {
    const seeds = SEEDS.map(read).join('\n\n');
    let big = '';
    while (big.length < 10_000_000) big += seeds + '\n\n';
    const uri = open('compendium.resolution', big);
    const diags = await diagnosticsFor(uri, (d) => d.some((x) => x.code === 'document-size'), 30000);
    const notice = diags.find((d) => d.code === 'document-size')!;
    assert.equal(notice.severity, 3);
    assert.match(typeof notice.message === 'string' ? notice.message : notice.message.value, /seuls les 4 premiers millions sont vérifiés dans l’éditeur/);
    const symbols = await conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
  });

  /** Seed 002 as a draft under negotiation: « 5 bis. » inserted before paragraph 6. */
  const draft002 = () => {
    const lines = read(SEEDS[2]).split('\n');
    lines.splice(lines.findIndex((l) => l.startsWith('6. ')), 0, "5 bis. *Invite* les États Membres à échanger leurs données d'expérience ;", '');
    return lines.join('\n');
  };

  it('formats a document by renumbering it: nothing on seed 000, « 5 bis » and the reference to paragraph 34 in a draft', async () => {
    const seed = open('format-000.txt', read(SEEDS[0]));
    await diagnosticsFor(seed);
    assert.deepEqual(await conn.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: seed }, options: { tabSize: 4, insertSpaces: true } }), []);
    const text = draft002();
    const uri = open('format-draft-002.txt', text);
    await diagnosticsFor(uri);
    const edits = (await conn.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } }))!;
    assert.equal(edits.length, 32, '31 paragraph numbers and one reference');
    const out = applyEdits(text.split('\n'), edits);
    assert.match(out, /^6\. \*Invite\* les États Membres à échanger/m);
    assert.match(out, /^36\. \*Prie également\* le Secrétaire général de faire figurer dans le rapport visé au paragraphe 35 ci-dessus/m);
  });

  it('runs « Renumber paragraphs and footnotes »: one workspace edit, then a message in the document’s language', async () => {
    const text = draft002();
    const uri = open('command-draft-002.txt', text);
    await diagnosticsFor(uri);
    const applied: { label?: string; edits: TextEdit[] }[] = [];
    const messages: string[] = [];
    const handler = conn.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      applied.push({ label: params.label, edits: params.edit.changes?.[uri] ?? [] });
      return { applied: true };
    });
    const listener = conn.onNotification(ShowMessageNotification.type, (m) => { messages.push(m.message); });
    try {
      const result = await conn.sendRequest(ExecuteCommandRequest.type, { command: 'unResolution.renumber', arguments: [uri] }) as { applied: boolean; message: string };
      assert.equal(result.applied, true);
      assert.equal(applied.length, 1, 'a single edit, applied atomically');
      assert.equal(applied[0].label, 'Renuméroter les paragraphes et les notes');
      assert.match(applyEdits(text.split('\n'), applied[0].edits), /au paragraphe 35 ci-dessus/);
      assert.equal(result.message, 'Renumérotation : 31 numéros de paragraphe et 1 renvoi mis à jour.');
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(messages, [result.message]);
    } finally {
      handler.dispose();
      listener.dispose();
    }
  });

  it('keeps serving after text that is not a resolution', async () => {
    const uri = open('garbage.resolution', '\u0000\u0001 ¹²³ <sup>1</sup> 1. (a) *** \ud800'.repeat(50));
    await diagnosticsFor(uri);
    const again = open('after-garbage.resolution', read(SEEDS[2]));
    assert.ok(Array.isArray(await diagnosticsFor(again)));
  });
});
