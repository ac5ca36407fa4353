// Semantic tokens: the distinctions a grammar cannot draw (preamble or operative part, known or
// unknown opener, nested draft or outer text, annex), and the wire format the server sends.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  encode, LEGEND, rangeFilter, semanticTokens, type SemanticToken, type TokenModifier, type TokenType,
} from '../../server/src/core/features/semantic-tokens';
import { parse } from '../../server/src/core/model/parse';
import type { ResolutionDocument } from '../../server/src/core/model/types';
import { fixtureFiles, read, readFixture, ROOT, SEEDS } from '../helpers';

const seed = (n: string) => read(SEEDS.find((f) => path.basename(f).startsWith(n))!);

/** What a token covers in the source, for readable assertions. */
const textOf = (doc: ResolutionDocument, t: SemanticToken) => doc.lines[t.line].slice(t.character, t.character + t.length);
const ofType = (tokens: SemanticToken[], type: TokenType) => tokens.filter((t) => t.type === type);
const OPENERS: TokenType[] = ['preambleOpener', 'operativeVerb', 'unknownOpener'];
const openers = (tokens: SemanticToken[]) => tokens.filter((t) => OPENERS.includes(t.type));

/** The reverse of encode(), written from the LSP specification rather than from encode(). */
function decode(data: number[]): SemanticToken[] {
  assert.equal(data.length % 5, 0);
  const out: SemanticToken[] = [];
  let line = 0, character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaStart, length, type, bits] = data.slice(i, i + 5);
    line += deltaLine;
    character = deltaLine === 0 ? character + deltaStart : deltaStart;
    const modifiers = LEGEND.tokenModifiers.filter((_, k) => bits & (1 << k));
    assert.equal(bits >> LEGEND.tokenModifiers.length, 0, 'no bit outside the legend');
    out.push({ line, character, length, type: LEGEND.tokenTypes[type], modifiers });
  }
  return out;
}

/** Sorted, on one line each, inside the line, never sharing a character. */
function assertWellFormed(doc: ResolutionDocument, tokens: SemanticToken[], name: string): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    assert.ok(t.length > 0, `${name}: empty token at ${t.line}:${t.character}`);
    assert.ok(t.character >= 0 && t.character + t.length <= doc.lines[t.line].length, `${name}: token crosses the end of line ${t.line}`);
    assert.ok(LEGEND.tokenTypes.includes(t.type), `${name}: type ${t.type} not in the legend`);
    const prev = tokens[i - 1];
    if (prev && prev.line === t.line) assert.ok(prev.character + prev.length <= t.character, `${name}: overlap or disorder at ${t.line}:${t.character}`);
    if (prev) assert.ok(prev.line <= t.line, `${name}: disorder at line ${t.line}`);
  }
}

const GA = (body: string) => `L'Assemblée générale,\n\n${body}`;

describe('semantic tokens', () => {
  it('seed 001: the nested draft is nested, the ECOSOC « Recommande » is not, the declaration is in the annex', () => {
    const doc = parse(seed('001'));
    const tokens = semanticTokens(doc);
    const [ecosoc] = doc.parts;
    const draft = ecosoc.children.find((c) => c.kind === 'draft')!;
    const annex = draft.children.find((c) => c.kind === 'annex')!;
    const inside = (t: SemanticToken, r: { start: { line: number }; end: { line: number } }) => t.line >= r.start.line && t.line <= r.end.line;

    const recommande = openers(tokens).find((t) => textOf(doc, t) === 'Recommande')!;
    assert.equal(recommande.type, 'operativeVerb');
    assert.deepEqual(recommande.modifiers, ['italic']);
    const ecosocOrgan = ofType(tokens, 'organ').find((t) => textOf(doc, t) === 'Le Conseil économique et social')!;
    assert.deepEqual(ecosocOrgan.modifiers, []);

    // The GA draft before its annex: 6 preambular openers and 13 operative verbs, all nested, none in the annex.
    const draftOpeners = openers(tokens).filter((t) => inside(t, draft.range) && !inside(t, annex.range));
    assert.deepEqual(draftOpeners.map((t) => t.type), [...Array(6).fill('preambleOpener'), ...Array(13).fill('operativeVerb')]);
    for (const t of draftOpeners) assert.deepEqual(t.modifiers, ['nested', 'italic'], textOf(doc, t));
    assert.deepEqual(ofType(tokens, 'organ').find((t) => textOf(doc, t) === "L'Assemblée générale")?.modifiers, ['nested']);

    // The Kyoto Declaration is annexed to the draft: its openers are in the annex (and, being inside the draft, nested).
    const declaration = openers(tokens).filter((t) => inside(t, annex.range));
    assert.deepEqual(declaration.map((t) => textOf(doc, t)), ['Réunis', 'Dressant le bilan', 'Rappelant', 'Considérant']);
    for (const t of declaration) {
      assert.equal(t.type, 'preambleOpener');
      assert.ok(t.modifiers.includes('annex') && t.modifiers.includes('nested'), textOf(doc, t));
    }
    // « Nous sommes … » and « Élaborer … » open statements, not resolution paragraphs: no unknown verbs there.
    assert.equal(ofType(tokens, 'unknownOpener').length, 0);
    assert.deepEqual(ofType(tokens, 'annexHeading').map((t) => textOf(doc, t).slice(0, 24)), ['Annexe', 'Déclaration de Kyoto vis']);
    assert.ok(ofType(tokens, 'paragraphNumber').filter((t) => inside(t, annex.range)).every((t) => t.modifiers.includes('annex')));
    assert.ok(!tokens.some((t) => t.modifiers.includes('misplaced')));
  });

  it('seed 000: 93 paragraph numbers in the operative part, nothing misplaced', () => {
    const doc = parse(seed('000'));
    const tokens = semanticTokens(doc);
    const [res] = doc.parts;
    const operativeLines = new Set(res.operative.map((p) => p.range.start.line));
    const numbers = ofType(tokens, 'paragraphNumber');
    assert.equal(numbers.length, 93);
    assert.ok(numbers.every((t) => operativeLines.has(t.line)));
    assert.deepEqual(numbers.map((t) => Number(textOf(doc, t))), Array.from({ length: 93 }, (_, i) => i + 1));
    assert.equal(tokens.filter((t) => t.modifiers.includes('misplaced')).length, 0);
    assert.equal(ofType(tokens, 'preambleOpener').length, res.preamble.length);
    assert.equal(ofType(tokens, 'operativeVerb').length, 93);
    // Footnote calls are the numbers, not their <sup> tags (the grammar scopes those as punctuation).
    assert.equal(ofType(tokens, 'footnoteReference').length, doc.footnoteRefs.length);
    assert.ok(ofType(tokens, 'footnoteReference').every((t) => /^(?:\d+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.test(textOf(doc, t))));
  });

  it('marks exactly the openers that disagree with their place as misplaced', () => {
    const doc = parse(GA([
      '*Rappelant* sa résolution 46/152,',
      '*Rappelle* sa résolution 47/1,',
      '*Notant* le rapport du Secrétaire général,',
      '1. *Décide* de rester saisie de la question ;',
      '2. *Rappelant* le rapport du Secrétaire général ;',
      '3. *Prie* le Secrétaire général de lui faire rapport.',
    ].join('\n\n')));
    const tokens = semanticTokens(doc);
    const misplaced = tokens.filter((t) => t.modifiers.includes('misplaced'));
    assert.deepEqual(misplaced.map((t) => [t.line, textOf(doc, t), t.type]), [
      [4, 'Rappelle', 'operativeVerb'],
      [10, 'Rappelant', 'preambleOpener'],
    ]);
    assert.deepEqual(misplaced.map((t) => t.modifiers), [['misplaced', 'italic'], ['misplaced', 'italic']]);
  });

  it('a preambular paragraph after the operative part has begun is misplaced too', () => {
    const doc = parse(GA('Rappelant sa résolution 46/152,\n\n1. Décide de rester saisie de la question ;\n\nNotant le rapport du Secrétaire général,\n\n2. Prie le Secrétaire général de lui faire rapport.'));
    const misplaced = semanticTokens(doc).filter((t) => t.modifiers.includes('misplaced'));
    assert.deepEqual(misplaced.map((t) => textOf(doc, t)), ['Notant']);
  });

  it('an opener the vocabulary does not know is an unknownOpener', () => {
    const doc = parse(GA('Rappelant sa résolution 46/152,\n\nMachin la question,\n\n1. *Chamboule* le programme ;\n\n2. Tarabiscote le rapport ;\n\n3. *Prie* le Secrétaire général de lui faire rapport.'));
    const unknown = ofType(semanticTokens(doc), 'unknownOpener');
    assert.deepEqual(unknown.map((t) => [textOf(doc, t), t.modifiers]), [
      ['Machin', []],
      ['Chamboule', ['italic']],
      ['Tarabiscote', []],
    ]);
  });

  it('subparagraph labels and organ lines', () => {
    const doc = parse('*Le Conseil de sécurité,*\n\n*Rappelant* sa résolution 1373 (2001),\n\n1. *Décide* :\n\na) que les États ;\n\n(ii) que les organisations.');
    const tokens = semanticTokens(doc);
    assert.deepEqual(ofType(tokens, 'organ').map((t) => textOf(doc, t)), ['Le Conseil de sécurité']);
    assert.deepEqual(ofType(tokens, 'subparagraphLabel').map((t) => textOf(doc, t)), ['a)', '(ii)']);
  });

  it('positions and lengths are UTF-16 code units', () => {
    // The parser never lets text stand before an opener on its line, so the astral characters
    // (two UTF-16 units, one code point) stand before a footnote call, and inside an italic opener.
    const lines = [
      "L'Assemblée générale,",
      '',
      '*Rappelant 𝒜𝒜* sa résolution 46/152<sup>1</sup>,',
      '',
      '1. 𝒜 *Décide* que 𝒜𝒜 est important³ ;',
    ];
    const doc = parse(lines.join('\n'));
    const tokens = semanticTokens(doc);
    const [note1, note3] = ofType(tokens, 'footnoteReference');
    assert.deepEqual([note1.line, note1.character, note1.length], [2, lines[2].indexOf('<sup>') + 5, 1]);
    assert.notEqual(note1.character, [...lines[2]].indexOf('<') + 5, 'a code-point column would be two less');
    assert.deepEqual([note3.line, note3.character, note3.length], [4, lines[4].indexOf('³'), 1]);
    const rappelant = ofType(tokens, 'preambleOpener')[0];
    assert.equal(textOf(doc, rappelant), 'Rappelant 𝒜𝒜');
    assert.equal(rappelant.length, 14); // 10 + 2 × 2 units, not 12 code points
    // « 𝒜 » after « 1. » is read as the opener (an unknown one), two units long.
    const unknown = ofType(tokens, 'unknownOpener')[0];
    assert.deepEqual([unknown.line, unknown.character, unknown.length], [4, 3, 2]);
    assertWellFormed(doc, tokens, 'astral');
  });

  it('encode() gives the LSP relative integers and decodes back to the same tokens', () => {
    const doc = parse(seed('001'));
    const tokens = semanticTokens(doc);
    const data = encode(tokens);
    assert.equal(data.length, tokens.length * 5);
    assert.deepEqual(decode(data), tokens);
    // The first tokens by hand: line 24 « Le Conseil économique et social » (organ, no modifier), then
    // line 26 « Recommande » (operativeVerb, italic), both from column 1.
    const bit = (m: TokenModifier) => 1 << LEGEND.tokenModifiers.indexOf(m);
    assert.deepEqual(data.slice(0, 10), [
      24, 1, 31, LEGEND.tokenTypes.indexOf('organ'), 0,
      2, 1, 10, LEGEND.tokenTypes.indexOf('operativeVerb'), bit('italic'),
    ]);
    // Same line: the start is relative to the previous token's start.
    const sameLine = decode(encode([
      { line: 3, character: 10, length: 2, type: 'footnoteReference', modifiers: ['nested', 'annex'] },
      { line: 3, character: 0, length: 1, type: 'paragraphNumber', modifiers: [] },
    ]));
    assert.deepEqual(sameLine.map((t) => [t.line, t.character, t.type, t.modifiers]), [[3, 0, 'paragraphNumber', []], [3, 10, 'footnoteReference', ['nested', 'annex']]]);
    assert.deepEqual(encode([]), []);
  });

  it('rangeFilter keeps the tokens that touch the range', () => {
    const doc = parse(seed('001'));
    const tokens = semanticTokens(doc);
    const picked = rangeFilter(tokens, { start: { line: 44, character: 2 }, end: { line: 46, character: 1 } });
    assert.deepEqual(picked.map((t) => [t.line, textOf(doc, t)]), [[44, 'Se déclare satisfaite'], [46, '2']]);
    assert.deepEqual(decode(encode(picked)), picked);
    assert.equal(rangeFilter(tokens, { start: { line: 0, character: 0 }, end: { line: doc.lines.length, character: 0 } }).length, tokens.length);
  });

  it('tokens never overlap nor cross a line, on every seed and fixture', () => {
    for (const file of [...SEEDS, ...fixtureFiles()]) {
      const text = file.startsWith(path.join(ROOT, 'seeds')) ? read(file) : readFixture(file).text;
      const doc = parse(text);
      assertWellFormed(doc, semanticTokens(doc), path.basename(file));
    }
    // A footnote call inside an italic opener: the call keeps its characters, the opener is cut around it.
    const doc = parse("*L'Assemblée générale,*\n\n*Rappelant²* sa résolution,\n\n*Notant³ avec satisfaction* le rapport,\n\n1. *Décide* ;");
    const tokens = semanticTokens(doc);
    assertWellFormed(doc, tokens, 'inline calls');
    assert.deepEqual(tokens.filter((t) => t.line > 0 && t.line < 6).map((t) => [t.type, textOf(doc, t)]), [
      ['preambleOpener', 'Rappelant'], ['footnoteReference', '²'],
      ['preambleOpener', 'Notant'], ['footnoteReference', '³'], ['preambleOpener', 'avec satisfaction'],
    ]);
  });

  it('package.json declares the legend once it contributes semantic token types', () => {
    const pkg = JSON.parse(read(path.join(ROOT, 'package.json')));
    const types: { id: string; superType?: string }[] | undefined = pkg.contributes?.semanticTokenTypes;
    const modifiers: { id: string }[] | undefined = pkg.contributes?.semanticTokenModifiers;
    if (!types) return; // not wired into the extension yet
    assert.deepEqual(types.map((t) => t.id).sort(), [...LEGEND.tokenTypes].sort());
    assert.ok(types.every((t) => t.superType), 'each custom type falls back on a standard one');
    assert.deepEqual((modifiers ?? []).map((m) => m.id).sort(), [...LEGEND.tokenModifiers].sort());
  });
});
