// Incremental analysis (server/src/core/incremental.ts) gives exactly what lint() gives on the whole
// text, after every edit of random edit sequences — characters, lines, whole paragraphs, numbers,
// openers, footnote calls, organ lines, CRLF — over the seeds, the corpus and the fixtures: the same
// findings (rule, range, message, severity, fixes), the same document model and the same citations.
// And it does reuse: a one-character edit reads one line again, walks one chunk, checks one paragraph
// again.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { findCitations } from '../../server/src/core/citations/citations';
import { shippedIndex } from '../../server/src/core/citations/shipped';
import { semanticTokens } from '../../server/src/core/features/semantic-tokens';
import { IncrementalAnalyser } from '../../server/src/core/incremental';
import { lint, type LintOptions, type LintResult } from '../../server/src/core/lint';
import { allParts, endingOf, parse } from '../../server/src/core/model/parse';
import type { ResolutionDocument } from '../../server/src/core/model/types';
import { rules } from '../../server/src/core/rules/index';
import type { IndexLookup } from '../../server/src/core/rules/types';
import { fixtureFiles, read, readFixture, ROOT, SEEDS } from '../helpers';

const index = shippedIndex();
// A longer run: INCREMENTAL_RUNS=5000 INCREMENTAL_SEED=7 node --import tsx --test test/unit/incremental.test.ts
const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 200);
const SEED = Number(process.env.INCREMENTAL_SEED ?? 20261123);

interface Base { name: string; text: string; options: LintOptions }

const seeds: Base[] = SEEDS.sort().map((f) => ({ name: path.basename(f), text: read(f), options: { index } }));
const corpus: Base[] = ['en', 'fr'].flatMap((lang) => {
  const dir = path.join(ROOT, 'test', 'corpus', lang);
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => ({ name: f, text: read(path.join(dir, f)), options: { index } }));
});
const fixtures: Base[] = fixtureFiles().map((f) => {
  const { name, text, options } = readFixture(f);
  return { name, text, options: { ...options, index } };
});

/** Pieces an edit inserts: structure, markup, footnote calls and notes, line ends, Unicode edge cases. */
const PIECES = [
  'x', 'é', ' ', '\u00a0', '\u202f', ',', ';', ' ;', '.', ':', ' :', '*', '_', '**', '»', '« ', '’', '\t', '\ufeff', '𝒜',
  '\n', '\n\n', '\r\n', '\r\n\r\n', '\r', '\n\n\n',
  '1. ', '2. ', '7. ', '12. ', '5 bis. ', 'a) ', '(b) ', 'ii) ', 'i. ',
  '*Décide* ', '*Prie également* ', 'Rappelle ', 'Rappelant ', '*Rappelant* ', 'Decides ', '*Also requests* ', 'Recalling ', 'Notant avec satisfaction ',
  '¹', '²³', '<sup>4</sup>', '[^2]', '\n\n¹ Voir A/RES/73/185.\n\n', '\n\n[^2]: See resolution 70/1.\n\n',
  "\n\nL'Assemblée générale,\n\n", '\n\n*Le Conseil de sécurité*,\n\n', '\n\nThe General Assembly,\n\n', '\n\nNous, chefs d’État et de gouvernement,\n\n',
  '\n\n50^e séance plénière\n\n', '\n\n## Annexe\n\n', '\n\n---\n\n', '\n\nArticle 1\n\n',
  '*Recommande* à l’Assemblée générale d’adopter le projet de résolution suivant :\n\n',
  'ONU', "l'ECOSOC", ' UN ', 'États membres', 'Etats Membres', 'Secrétaire Général', 'Secretary General', ' de l’Union africaine',
  'résolution 73/185 du 18 décembre 2018', 'A/res/78/229', '1 octobre 2020', 'December 15, 2022', 'S/RES/1373(2001)',
  '<!-- reslint-disable paragraph-numbering -->', '<!-- reslint-disable-next-line -->\n', '<!-- reslint-enable -->', '<!-- reslint-disable-line nope -->',
];

type Edit =
  | { kind: 'insert'; at: number; piece: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; piece: string }
  | { kind: 'line'; op: 'delete' | 'duplicate' | 'blank' | 'crlf' | 'join'; at: number }
  | { kind: 'paragraph'; op: 'delete' | 'duplicate' | 'move'; at: number; to: number }
  | { kind: 'number'; at: number; value: number }
  | { kind: 'organ'; op: 'lower' | 'delete' | 'continue' | 'heading' | 'blank-before'; at: number };

const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, piece: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 400 })) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: position, length: fc.integer({ min: 1, max: 30 }), piece: fc.constantFrom(...PIECES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('line' as const), op: fc.constantFrom('delete' as const, 'duplicate' as const, 'blank' as const, 'crlf' as const, 'join' as const), at: position }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('paragraph' as const), op: fc.constantFrom('delete' as const, 'duplicate' as const, 'move' as const), at: position, to: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('number' as const), at: position, value: fc.integer({ min: 0, max: 30 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('organ' as const), op: fc.constantFrom('lower' as const, 'delete' as const, 'continue' as const, 'heading' as const, 'blank-before' as const), at: position }) },
);

/** Organ lines: where a chunk begins (model/parse.ts). */
const ORGAN_LINE = /^[ \t#*_]*(?:L'|L’|Le |La |The |Nous)[^\n\r]{0,60},[*_]*[ \t]*$/gm;

/** Start and end offsets of each line (without its line break), and of each paragraph (lines between blank lines). */
function lineSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /\r\n|\n|\r/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) { spans.push([at, m.index]); at = m.index + m[0].length; }
  spans.push([at, text.length]);
  return spans;
}

function paragraphSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) { if (m.index > at) spans.push([at, m.index + m[0].length]); at = m.index + m[0].length; }
  if (at < text.length) spans.push([at, text.length]);
  return spans;
}

function apply(text: string, e: Edit): string {
  const at = (f: number) => Math.floor(f * (text.length + 1));
  const pick = <T>(xs: T[], f: number): T | undefined => xs[Math.floor(f * xs.length)];
  switch (e.kind) {
    case 'insert': return text.slice(0, at(e.at)) + e.piece + text.slice(at(e.at));
    case 'delete': return text.slice(0, at(e.at)) + text.slice(at(e.at) + e.length);
    case 'replace': return text.slice(0, at(e.at)) + e.piece + text.slice(at(e.at) + e.length);
    case 'line': {
      const [a, b] = pick(lineSpans(text), e.at)!;
      const line = text.slice(a, b);
      const next = /^(?:\r\n|\n|\r)/.exec(text.slice(b))?.[0] ?? '';
      if (e.op === 'delete') return text.slice(0, a) + text.slice(b + next.length);
      if (e.op === 'duplicate') return text.slice(0, a) + line + '\n' + text.slice(a);
      if (e.op === 'blank') return text.slice(0, a) + text.slice(b);
      if (e.op === 'crlf') return text.slice(0, b) + (next === '\r\n' ? '\n' : '\r\n') + text.slice(b + next.length);
      return text.slice(0, b) + (next ? ' ' : '') + text.slice(b + next.length);
    }
    case 'paragraph': {
      const spans = paragraphSpans(text);
      const span = pick(spans, e.at);
      if (!span) return text;
      const [a, b] = span;
      const para = text.slice(a, b);
      if (e.op === 'delete') return text.slice(0, a) + text.slice(b);
      if (e.op === 'duplicate') return text.slice(0, b) + para + text.slice(b);
      const rest = text.slice(0, a) + text.slice(b);
      const [c] = pick(paragraphSpans(rest), e.to) ?? [rest.length];
      return rest.slice(0, c) + para + rest.slice(c);
    }
    case 'number': {
      const numbers = [...text.matchAll(/^([ \t]*(?:\*\*)?)(\d{1,3})\./gm)];
      const m = pick(numbers, e.at);
      if (!m) return text;
      const start = m.index! + m[1].length;
      return text.slice(0, start) + String(e.value) + text.slice(start + m[2].length);
    }
    case 'organ': {
      // What turns a chunk's first line into something else, or its predecessor's last line into a continuation.
      const m = pick([...text.matchAll(ORGAN_LINE)], e.at);
      if (!m) return text;
      const a = m.index!, b = a + m[0].length;
      const first = /[^ \t#*_]/.exec(m[0])!.index;
      if (e.op === 'lower') return text.slice(0, a + first) + m[0][first].toLowerCase() + text.slice(a + first + 1);
      if (e.op === 'delete') return text.slice(0, a) + text.slice(b);
      if (e.op === 'continue') return text.slice(0, a) + 'et poursuit' + text.slice(b);
      if (e.op === 'heading') return text.slice(0, a) + (m[0].startsWith('#') ? m[0].replace(/^#+\s*/, '') : `## ${m[0]}`) + text.slice(b);
      // The blank line before it goes: the organ line follows the previous line directly.
      return text.slice(0, a).replace(/(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)$/, '\n') + text.slice(a);
    }
  }
}

/**
 * The model as text, to compare two models by content (much faster than deepStrictEqual on large ones):
 * lazily computed paragraph endings filled in, a reference to a part written as its place in the tree,
 * keys holding undefined kept.
 */
function modelText(doc: ResolutionDocument): string {
  for (const p of doc.paragraphs) endingOf(p, doc.lines);
  const ids = new Map(allParts(doc.parts).map((p, k) => [p, k]));
  return JSON.stringify(doc, (key, value) => {
    if (value === undefined) return '(undefined)';
    return key === 'part' || key === 'parent' ? `part #${ids.get(value)}` : value;
  });
}

/**
 * The document's citations as hovers, definitions, references and the index read them (computed once
 * per model and kept with it: what a rule computed on a paragraph view must not stand for the whole
 * document), a paragraph written as its place.
 */
function citationsText(doc: ResolutionDocument): string {
  const at = new Map(doc.paragraphs.map((p, k) => [p, k]));
  return JSON.stringify(findCitations(doc), (key, value) => (key === 'paragraph' ? `paragraph #${at.get(value)}` : value === undefined ? '(undefined)' : value));
}

function assertSame(incremental: LintResult, full: LintResult, what: string): void {
  assert.deepStrictEqual(incremental.findings, full.findings, `${what}: findings differ`);
  assert.equal(modelText(incremental.doc), modelText(full.doc), `${what}: models differ`);
  assert.equal(citationsText(incremental.doc), citationsText(full.doc), `${what}: citations differ`);
}

/** Runs the edits through one analyser, comparing with a full analysis after each. */
function checkSequence(base: Base, start: string, edits: Edit[], options: LintOptions = base.options): void {
  const analyser = new IncrementalAnalyser(options);
  let text = start;
  assertSame(analyser.update(text), lint(text, options), `${base.name}, first version`);
  edits.forEach((e, k) => {
    text = apply(text, e);
    assertSame(analyser.update(text), lint(text, options), `${base.name}, after edit ${k + 1} ${JSON.stringify(e)}`);
  });
}

/** A stretch of a real text from a line start, so that sequences stay fast while keeping real structure. */
const sliceArb = fc.record({ base: fc.constantFrom(...seeds, ...corpus), from: position, length: fc.integer({ min: 400, max: 9000 }) })
  .map(({ base, from, length }) => {
    const spans = lineSpans(base.text);
    const start = spans[Math.floor(from * spans.length)][0];
    return { base, start: base.text.slice(start, start + length) };
  });
/** Several fixtures or stretches one after the other: several chunks (one per organ line that opens a top-level part). */
const compendiumArb = fc.array(fc.oneof(fc.constantFrom(...fixtures).map((f) => f.text), sliceArb.map((s) => s.start)), { minLength: 2, maxLength: 4 })
  .map((texts) => ({ base: { name: 'compendium', text: '', options: { index } } as Base, start: texts.join('\n\n') }));
const startArb = fc.oneof(
  { weight: 5, arbitrary: sliceArb },
  { weight: 3, arbitrary: fc.constantFrom(...fixtures).map((base) => ({ base, start: base.text })) },
  { weight: 2, arbitrary: compendiumArb },
);

describe('incremental analysis', () => {
  it('gives the findings and model of a full analysis after every edit of random sequences', () => {
    fc.assert(fc.property(startArb, fc.array(editArb, { minLength: 1, maxLength: 8 }), fc.option(fc.integer({ min: 300, max: 6000 }), { freq: 8 }),
      ({ base, start }, edits, limit) => checkSequence(base, start, edits, limit === null ? base.options : { ...base.options, limit })),
    { numRuns: RUNS, seed: SEED });
  });

  it('does so on whole seeds and on a compendium of them', () => {
    const compendium: Base = { name: 'seeds compendium', text: seeds.map((s) => s.text).join('\n\n'), options: { index } };
    fc.assert(fc.property(fc.constantFrom(...seeds, compendium), fc.array(editArb, { minLength: 1, maxLength: 3 }),
      (base, edits) => checkSequence(base, base.text, edits)), { numRuns: Math.max(8, RUNS / 25), seed: SEED });
  });

  it('follows the index: an answer that changes makes the rules that asked run again', () => {
    const answers = new Map<string, { date?: string; titles: { fr?: string; en?: string } }>();
    const changing: IndexLookup = { lookup: (key, lang) => answers.get(key) ?? index.lookup(key, lang) };
    const text = seeds[0].text;
    const analyser = new IncrementalAnalyser({ index: changing });
    analyser.update(text);
    // 73/185 is cited in seed 000 with its date: the index now says another one.
    answers.set('A/RES/73/185', { date: '2018-12-18', titles: {} });
    const edited = text.replace('Réaffirmant', 'Réaffirmant ');
    const result = analyser.update(edited);
    assertSame(result, lint(edited, { index: changing }), 'index changed');
    assert.ok(result.findings.some((f) => f.rule === 'citation-date'), 'the changed date is reported');
    assert.equal(analyser.stats.paragraphsKept, 0, 'every paragraph checked again');
  });

  it('follows a workspace index: a file that defines a cited resolution changes the answers, and the count of changes says so', () => {
    const workspace = shippedIndex();
    const text = seeds[0].text;
    const analyser = new IncrementalAnalyser({ index: workspace });
    analyser.update(text);
    // A workspace file that defines 73/185 with another adoption date: its definition wins over the shipped entry.
    workspace.addDocument('file:///73-185.md', parse(`# Assemblée générale\n\nRésolution adoptée par l'Assemblée générale le 18 décembre 2018\n\n73/185. L'état de droit et la prévention du crime\n\nL'Assemblée générale,\n\n1. Décide de poursuivre l'examen de la question.\n`));
    assert.equal(workspace.lookup('A/RES/73/185')?.date, '2018-12-18');
    const edited = text.replace('Réaffirmant', 'Réaffirmant ');
    const result = analyser.update(edited);
    assertSame(result, lint(edited, { index: workspace }), 'index changed');
    assert.ok(result.findings.some((f) => f.rule === 'citation-date'), 'the changed date is reported');
    // Unchanged since: the answers are not asked again, and the next edit still reuses.
    const again = edited.replace('Réaffirmant ', 'Réaffirmant');
    assertSame(analyser.update(again), lint(again, { index: workspace }), 'index unchanged');
    assert.equal(analyser.stats.paragraphsChecked, 1);
  });

  it('reuses: a one-character edit in seed 000 reads one line, walks one chunk, checks one paragraph again', () => {
    const text = seeds.find((s) => s.name.startsWith('000'))!.text;
    const analyser = new IncrementalAnalyser({ index });
    analyser.update(text);
    assert.equal(analyser.stats.fresh, 'first version');
    const at = text.indexOf(';', text.length >> 1);
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    const result = analyser.update(edited);
    assertSame(result, lint(edited, { index }), 'seed 000');
    const { stats } = analyser;
    assert.equal(stats.fresh, undefined);
    assert.equal(stats.linesRead, 1);
    assert.equal(stats.chunksWalked, 1);
    assert.equal(stats.paragraphsChecked, 1);
    assert.equal(stats.paragraphsKept, result.doc.paragraphs.length - 1);
    // Only rules without a scope run over the whole document.
    assert.deepEqual(stats.wholeDocumentRules, rules.filter((r) => !r.scope && r.profiles.includes('general-assembly')).map((r) => r.id));
    // A new line: the paragraphs below it, on their new lines, keep their findings.
    const line = edited.indexOf('\n\n', 2000);
    const entered = edited.slice(0, line) + '\n' + edited.slice(line);
    assertSame(analyser.update(entered), lint(entered, { index }), 'new line');
    assert.ok(analyser.stats.paragraphsChecked <= 1, `paragraphs checked: ${analyser.stats.paragraphsChecked}`);
  });

  it('reuses: in a compendium, an edit walks one chunk and keeps the others, shifted when lines come or go', () => {
    const text = seeds.map((s) => s.text).join('\n\n');
    const analyser = new IncrementalAnalyser({ index });
    const first = analyser.update(text);
    const chunks = analyser.stats.chunksWalked;
    assert.ok(chunks >= 5, `several chunks (${chunks})`);
    // A character in the middle, then a new line near the start: the chunks after it move down one line.
    const mid = text.indexOf('; ', text.length >> 1);
    const typed = text.slice(0, mid) + 'x' + text.slice(mid);
    assertSame(analyser.update(typed), lint(typed, { index }), 'typed');
    assert.equal(analyser.stats.chunksWalked, 1);
    assert.equal(analyser.stats.chunksKept, chunks - 1);
    const at = typed.indexOf('\n\n', 2000);
    const entered = typed.slice(0, at) + '\n' + typed.slice(at);
    const result = analyser.update(entered);
    assertSame(result, lint(entered, { index }), 'new line');
    assert.equal(analyser.stats.chunksWalked, 1);
    assert.equal(analyser.stats.chunksKept, chunks - 1);
    assert.ok(analyser.stats.linesRead <= 3, `lines read: ${analyser.stats.linesRead}`);
    // Kept chunks are copies on their new lines: the previous result is left as it was.
    assert.equal(first.doc.paragraphs.at(-1)!.range.start.line + 1, result.doc.paragraphs.at(-1)!.range.start.line);
    assert.deepStrictEqual(semanticTokens(result.doc), semanticTokens(lint(entered, { index }).doc));
  });

  it('walks again from the chunk before when the organ line that begins a chunk changes', () => {
    // The previous paragraph has no closing mark: a line that no longer reads as an organ line continues it.
    const first = "L'Assemblée générale,\n\n*Rappelant* sa résolution 70/1,\n\n1. *Décide* de poursuivre\n\n";
    const second = "L'Assemblée générale,\n\n*Notant* le rapport,\n\n1. *Prie* le Secrétaire général de faire rapport.\n";
    const text = first + second;
    for (const edited of [
      first + 'l' + second.slice(1), first + '## ' + second, first.trimEnd() + '\n' + second, first + second.replace("L'Assemblée générale,", 'et la suite,'),
      first + second.slice(second.indexOf('\n') + 1), first + second.replace("L'Assemblée générale,", 'Le reste du texte,'),
    ]) {
      const analyser = new IncrementalAnalyser();
      assertSame(analyser.update(text), lint(text), 'before');
      assert.equal(analyser.stats.chunksWalked, 2);
      assertSame(analyser.update(edited), lint(edited), JSON.stringify(edited.slice(first.length - 20, first.length + 30)));
      assertSame(analyser.update(text), lint(text), 'back');
    }
  });

  it('walks the following chunks again when a meeting line comes or goes (what follows it reads differently)', () => {
    const one = (meeting: string) => `L'Assemblée générale,\n\n*Rappelant* sa résolution 70/1,\n\n${meeting}1. *Décide* de poursuivre ;\n\n2. *Décide* de conclure.\n\n`;
    const two = "L'Assemblée générale,\n\n*Notant* le rapport,\n\n1. *Prie* le Secrétaire général de poursuivre ;\n\n2. *Décide* de conclure.\n";
    const analyser = new IncrementalAnalyser();
    for (const text of [one('') + two, one('50^e séance plénière\n\n') + two, one('') + two]) assertSame(analyser.update(text), lint(text), 'meeting');
  });

  it('checks kept chunks again when what the document says as a whole changes (French semicolons)', () => {
    // Chunk 2 lacks a closing mark: the fix writes « ; » as most of the document does, spaced or not.
    const chunk1 = (mark: string) => `L'Assemblée générale,\n\n*Rappelant* sa résolution 70/1,\n\n${[1, 2, 3].map((n) => `${n}. *Décide* de continuer${mark}`).join('\n\n')}\n\n4. *Décide* de conclure.\n\n`;
    const chunk2 = "L'Assemblée générale,\n\n*Notant* le rapport,\n\n1. *Prie* le Secrétaire général de poursuivre\n\n2. *Décide* de conclure.\n";
    const analyser = new IncrementalAnalyser();
    const spaced = chunk1(' ;') + chunk2, tight = chunk1(';') + chunk2;
    assertSame(analyser.update(spaced), lint(spaced), 'spaced');
    assertSame(analyser.update(tight), lint(tight), 'tight');
    const fix = analyser.update(tight).findings.find((f) => f.rule === 'paragraph-punctuation' && f.range.start.line > 10);
    assert.equal(fix?.fixes?.[0].edits[0].newText, ';');
  });

  it('checks kept chunks again when the document starts or stops using emphasis (the organ line a fix inserts)', () => {
    const noOrgan = 'Assemblée générale\n\nRappelant sa résolution 70/1,\n\n1. Décide de poursuivre.\n\n';
    const italic = "L'Assemblée générale,\n\n*Rappelant* sa résolution 70/2,\n\n1. *Décide* de conclure.\n";
    const analyser = new IncrementalAnalyser();
    for (const text of [noOrgan + italic, noOrgan + italic.replace(/\*/g, ''), noOrgan + italic]) {
      const result = analyser.update(text);
      assertSame(result, lint(text), 'emphasis');
      assert.ok(result.findings.some((f) => f.rule === 'organ-line' && f.fixes?.length), 'the organ line is offered');
    }
  });

  it('checks a paragraph again when the organ of its part changes (citations are read for that organ)', () => {
    const ga = "L'Assemblée générale,\n\n*Rappelant* sa résolution 70/1,\n\n1. *Décide* de conclure.\n\n";
    // « sa résolution 73/185 » is the Assembly's 73/185 (adopted on 17 December 2018) in an Assembly text, the Council's own in an ECOSOC one.
    const second = (organ: string) => `${organ}\n\n*Rappelant* sa résolution 73/185 du 18 décembre 2018,\n\n1. *Décide* de rester saisi de la question.\n`;
    const analyser = new IncrementalAnalyser({ index });
    const texts = [ga + second("L'Assemblée générale,"), ga + second('Le Conseil économique et social,'), ga + second("L'Assemblée générale,")];
    const results = texts.map((text) => {
      const result = analyser.update(text);
      assertSame(result, lint(text, { index }), text.slice(ga.length, ga.length + 30));
      return result.findings.filter((f) => f.rule.startsWith('citation')).length;
    });
    assert.notDeepEqual(results, [results[0], results[0], results[0]], 'the organ changes what the citation says');
  });

  it('checks French agreement again in every paragraph when the organ changes gender, in the edited paragraph only otherwise', () => {
    const body = (organ: string, extra = '') => `${organ}\n\n*Consciente* de l’urgence,\n\n*Vivement préoccupée* par la situation${extra},\n\n1. *Prie* le Secrétaire général de faire rapport ;\n\n2. Décide de rester saisie de la question.\n`;
    const analyser = new IncrementalAnalyser({ index });
    const agreement = (text: string) => {
      const result = analyser.update(text);
      assertSame(result, lint(text, { index }), text.slice(0, 30));
      return { found: result.findings.filter((f) => f.rule === 'french-agreement').length, checked: analyser.stats.paragraphsChecked };
    };
    assert.equal(agreement(body("L'Assemblée générale,")).found, 0);
    // The Council is masculine: the three forms no longer agree, in paragraphs whose text did not change.
    assert.equal(agreement(body('Le Conseil de sécurité,')).found, 3);
    // An edit of one paragraph checks that one again; the other two keep their findings.
    assert.deepEqual(agreement(body('Le Conseil de sécurité,', ' actuelle')), { found: 3, checked: 1 });
    assert.equal(agreement(body("L'Assemblée générale,", ' actuelle')).found, 0);
  });

  it('checks terminology in the edited paragraph only, keeping the others’ findings', () => {
    const text = (extra: string) => `L'Assemblée générale,\n\n*Rappelant* le rôle de l'ONU,\n\n*Notant* les travaux${extra},\n\n1. *Prie* le Secrétaire Général de faire rapport.\n`;
    const analyser = new IncrementalAnalyser({ index });
    const terms = (t: string) => {
      const result = analyser.update(t);
      assertSame(result, lint(t, { index }), t.slice(20, 60));
      return { found: result.findings.filter((f) => f.rule === 'terminology').map((f) => f.range.start.line), checked: analyser.stats.paragraphsChecked };
    };
    assert.deepEqual(terms(text('')).found, [2, 6]);
    assert.deepEqual(terms(text(' des États membres')), { found: [2, 4, 6], checked: 1 });
    assert.deepEqual(terms(text(' des États Membres')), { found: [2, 6], checked: 1 });
  });

  it('splits lines again across \\r\\n joined or split at the edge of the change', () => {
    const base = "L'Assemblée générale,\r\r*Rappelant* sa résolution 70/1,\r\n\r\n1. *Décide* de conclure.\r";
    const analyser = new IncrementalAnalyser();
    const edits = [(t: string) => t.replace('\r\r', '\r\n\r'), (t: string) => t.replace('\r\n\r', '\r\r'), (t: string) => t.replace(',\r\n', ',\r'),
      (t: string) => t.replace(',\r', ',\r\n'), (t: string) => t + '\n', (t: string) => t.slice(0, -1), (t: string) => t.replace('\r1.', '\n\r1.')];
    let text = base;
    assertSame(analyser.update(text), lint(text), 'base');
    for (const edit of edits) {
      text = edit(text);
      assertSame(analyser.update(text), lint(text), JSON.stringify(text.slice(0, 60)));
    }
  });

  it('starts afresh when the language changes', () => {
    const analyser = new IncrementalAnalyser();
    analyser.update(fixtures.find((f) => f.name.startsWith('fr-structure'))!.text);
    const en = fixtures.find((f) => f.name.startsWith('en-structure'))!.text;
    assertSame(analyser.update(en), lint(en), 'language changed');
    assert.equal(analyser.stats.fresh, 'language changed');
  });
});
