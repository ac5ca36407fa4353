// Renumbering paragraphs and footnotes (command and formatter): examples on the seeds and the
// corpus, then properties over generated drafts: renumbering is idempotent, numbers run 1..n,
// every reference it rewrites still names the same paragraph, and references to other texts are
// never touched.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits } from '../../server/src/core/features/code-actions';
import { partReferences, renumber, renumberMessage, type RenumberResult } from '../../server/src/core/features/renumber';
import { footnoteOrder, footnoteUndefined, footnoteUnreferenced } from '../../server/src/core/rules/footnotes';
import { paragraphNumbering } from '../../server/src/core/rules/paragraph-numbering';
import type { Rule } from '../../server/src/core/rules/types';
import { allParts, parse } from '../../server/src/core/model/parse';
import { comparePositions } from '../../server/src/core/model/text';
import type { Paragraph, Part, ResolutionDocument } from '../../server/src/core/model/types';
import { read, ROOT, SEEDS } from '../helpers';

const corpus = (name: string) => readFileSync(path.join(ROOT, 'test', 'corpus', 'en', name), 'utf8');

/** What a few rules say about a text (run directly: the other rules are not this test's business). */
function findings(text: string, rules: Rule[]): string[] {
  const doc = parse(text);
  const out: string[] = [];
  for (const rule of rules) {
    rule.check({
      doc, lang: doc.lang, profile: 'general-assembly', typography: 'legacy',
      t: (fr, en) => (doc.lang === 'fr' ? fr : en),
      report: (r) => out.push(`${r.range.start.line + 1}:${rule.id}: ${r.message}`),
    });
  }
  return out;
}

function run(text: string): { doc: ResolutionDocument; result: RenumberResult; out: string } {
  const doc = parse(text);
  const result = renumber(doc);
  return { doc, result, out: applyEdits(doc.lines, result.edits) };
}

/** Inserts `line` (and a blank line) before the first line that starts with `before`. */
function insertBefore(text: string, before: string, line: string): string {
  const lines = text.split('\n');
  const k = lines.findIndex((l) => l.startsWith(before));
  assert.ok(k >= 0, `no line starts with ${before}`);
  lines.splice(k, 0, line, '');
  return lines.join('\n');
}

const numbersOf = (part: Part) => part.items.filter((p) => p.number).map((p) => p.number!.raw + (p.number!.suffix ? ` ${p.number!.suffix.text}` : ''));

function assertEditsDisjoint(result: RenumberResult): void {
  for (let k = 1; k < result.edits.length; k++) {
    assert.ok(comparePositions(result.edits[k - 1].range.end, result.edits[k].range.start) <= 0, 'edits are sorted and do not overlap');
  }
}

/** Every numbered paragraph's words without its number: what a reference designates. */
function identity(p: Paragraph): string {
  return p.text.replace(/^\W*\d+(?:\s+(?:bis|ter|quater))?\.\s*/, '').replace(/\d+(?:\s(?:bis|ter|quater)\b)?/g, '#').slice(0, 80);
}

/**
 * Reference by reference (the k-th before is the k-th after: edits change only digits), each
 * internal number that named one paragraph before names a paragraph with the same words after,
 * or the reference is listed as left.
 */
function assertReferencesKeepTargets(before: ResolutionDocument, result: RenumberResult, after: ResolutionDocument): number {
  const partsBefore = allParts(before.parts);
  const partsAfter = allParts(after.parts);
  assert.equal(partsAfter.length, partsBefore.length);
  let checked = 0;
  partsBefore.forEach((part, i) => {
    const refsBefore = partReferences(part, before.lines);
    const refsAfter = partReferences(partsAfter[i], after.lines);
    assert.equal(refsAfter.length, refsBefore.length, 'the same references are found after');
    const lookup = (pt: Part, label: string) => pt.items.filter((p) => p.number && (p.number.raw.replace(/^0+/, '') + (p.number.suffix ? ` ${p.number.suffix.text}` : '')) === label);
    refsBefore.forEach((g, k) => {
      const h = refsAfter[k];
      if (g.verdict !== 'internal') {
        assert.equal(h.text, g.text, `a ${g.verdict} reference is never rewritten: ${g.text}`);
        return;
      }
      const left = result.left.some((l) => comparePositions(l.range.start, g.range.start) === 0);
      g.numbers.forEach((n, j) => {
        const was = lookup(part, n.label);
        if (was.length !== 1) return;
        const now = lookup(partsAfter[i], h.numbers[j].label);
        if (now.length === 1 && identity(now[0]) === identity(was[0])) { checked++; return; }
        assert.ok(left, `« ${g.text} » (line ${g.range.start.line + 1}) no longer names « ${identity(was[0])} » and is not listed as left`);
      });
    });
  });
  return checked;
}

describe('renumbering: the seeds are already numbered', () => {
  for (const seed of SEEDS) {
    it(`formatting ${path.basename(seed)} changes nothing`, () => {
      const { result } = run(read(seed));
      assert.deepEqual(result.edits, []);
      assert.deepEqual(result.left, []);
      assert.equal(renumberMessage(result, 'fr'), 'Rien à renuméroter : les paragraphes et les notes se suivent déjà.');
    });
  }

  it('classifies the references of the seeds: « paragraphe 34 ci-dessus » is internal, « paragraphe 2 de l’article 14 de la Convention » is not', () => {
    const doc = parse(read(SEEDS[2]));
    const refs = allParts(doc.parts).flatMap((p) => partReferences(p, doc.lines)).map((g) => `${g.text}: ${g.verdict}`);
    assert.deepEqual(refs, ['paragraphe 2: external', 'paragraphe 34: internal']);
    const doc4 = parse(read(SEEDS[4]));
    assert.deepEqual(allParts(doc4.parts).flatMap((p) => partReferences(p, doc4.lines)).map((g) => `${g.text}: ${g.verdict}`), ['paragraphe 2 c): external']);
  });
});

describe('renumbering: drafts made from the seeds', () => {
  it('seed 002 with « 5 bis. » inserted: 5, 6 … 36, and « paragraphe 34 ci-dessus » follows its paragraph to 35', () => {
    const text = insertBefore(read(SEEDS[2]), '6. ', "5 bis. *Invite* les États Membres à échanger leurs données d'expérience ;");
    const { doc, result, out } = run(text);
    assertEditsDisjoint(result);
    assert.equal(result.paragraphs, 31, '5 bis and 6 … 35 take a new number');
    assert.equal(result.references, 1);
    assert.deepEqual(result.left, []);
    const after = parse(out);
    assert.deepEqual(numbersOf(after.parts[0]), Array.from({ length: 36 }, (_, k) => String(k + 1)));
    assert.match(out, /^6\. \*Invite\* les États Membres à échanger/m);
    assert.match(out, /^36\. \*Prie également\* le Secrétaire général de faire figurer dans le rapport visé au paragraphe 35 ci-dessus/m);
    assert.match(out, /^35\. \*Prie\* le Secrétaire général de lui présenter, à sa soixante-septième session, un rapport/m);
    // « paragraphe 2 de l'article 14 de la Convention » names another text: untouched.
    assert.match(out, /paragraphe 2 de l'article 14 de la Convention, et les invite/);
    assert.ok(assertReferencesKeepTargets(doc, result, after) >= 1);
    assert.deepEqual(renumber(after).edits, [], 'idempotent');
    assert.deepEqual(findings(out, [paragraphNumbering]), []);
    assert.equal(renumberMessage(result, 'fr'), 'Renumérotation : 31 numéros de paragraphe et 1 renvoi mis à jour.');
    assert.equal(renumberMessage(result, 'en'), 'Renumbered: 31 paragraph numbers and 1 reference updated.');
  });

  it('seed 002 with paragraph 3 deleted: 4 … 35 move down, the reference moves to 33', () => {
    const lines = read(SEEDS[2]).split('\n');
    const k = lines.findIndex((l) => l.startsWith('3. '));
    lines.splice(k, 2);
    const { doc, result, out } = run(lines.join('\n'));
    assert.equal(result.paragraphs, 32);
    assert.match(out, /au paragraphe 33 ci-dessus/);
    assertReferencesKeepTargets(doc, result, parse(out));
  });

  it('seed 001: a paragraph inserted in the nested draft renumbers the draft only, not the annex', () => {
    const text = insertBefore(read(SEEDS[1]), '6. *Souscrit*', '5 bis. *Prend note* du paragraphe 5 ci-dessus ;');
    const { result, out } = run(text);
    const after = parse(out);
    const [outer, draft] = allParts(after.parts);
    assert.equal(outer.kind, 'resolution');
    assert.equal(draft.kind, 'draft');
    assert.deepEqual(numbersOf(draft), Array.from({ length: 14 }, (_, k) => String(k + 1)));
    const annex = allParts(after.parts).find((p) => p.kind === 'annex')!;
    assert.deepEqual(numbersOf(annex), Array.from({ length: 97 }, (_, k) => String(k + 1)));
    assert.match(out, /^6\. \*Prend note\* du paragraphe 5 ci-dessus ;/m, 'paragraph 5 keeps its number');
    // « paragraphe 5 de l'article 57 de la Convention » in the annex is another text's.
    assert.match(out, /paragraphe 5 de l'article 57 de la Convention contre la corruption/);
    assert.equal(result.paragraphs, 9);
  });

  it('seed 002 with a new first footnote call: calls and notes renumbered in order of first call, the page’s notes reordered', () => {
    let text = read(SEEDS[2]).replace('65/190 et 65/232 du 21 décembre 2010,', '65/190 et 65/232 du 21 décembre 2010¹¹,');
    text = text.replace(/^(⁵ Voir résolution 64\/297.*)$/m, '$1\n\n¹¹ Nouvelle note.');
    const { doc, result, out } = run(text);
    assertEditsDisjoint(result);
    assert.equal(result.footnotes, 11);
    const after = parse(out);
    const firstCalls: number[] = [];
    for (const r of after.footnoteRefs) if (!firstCalls.includes(r.number)) firstCalls.push(r.number);
    assert.deepEqual(firstCalls, Array.from({ length: 11 }, (_, k) => k + 1));
    // The first page's notes: the new one first, then the former 1 … 5 as 2 … 6.
    const page = out.split('\n').filter((l) => /^[¹²³⁴⁵⁶]+ /.test(l)).slice(0, 6);
    assert.deepEqual(page.map((l) => l.slice(0, 22)), ['¹ Nouvelle note.', '² Nations Unies, *Recu', '³ *Ibid.*, vol. 2349, ', '⁴ Résolution 60/288.', '⁵ Voir résolution 62/2', '⁶ Voir résolution 64/2']);
    // Notes on other pages stay where they are, with their new number: former 10 is now 11.
    assert.match(out, /^¹¹ A\/66\/303\.$/m);
    assert.match(out, /en application de sa résolution 65\/232¹¹ ;/);
    assert.deepEqual(renumber(after).edits, [], 'idempotent');
    assert.deepEqual(findings(out, [footnoteOrder, footnoteUndefined, footnoteUnreferenced]), []);
    assert.equal(after.footnoteDefs.length, doc.footnoteDefs.length);
  });
});

describe('renumbering: English texts of the corpus', () => {
  it('S/RES/678 (1990) with « 1 bis. »: "paragraphs 2 and 3 above" becomes "paragraphs 3 and 4 above"', () => {
    const text = insertBefore(corpus('S-RES-678(1990).txt'), '2. ', '1 bis. Demands that Iraq comply fully;');
    const { doc, result, out } = run(text);
    assert.match(out, /as set forth in paragraph 1 above,/);
    assert.match(out, /undertaken pursuant to paragraphs 3 and 4 above;/);
    assert.match(out, /in pursuance of paragraph 3\n/);
    assertReferencesKeepTargets(doc, result, parse(out));
    assert.deepEqual(renumber(parse(out)).edits, []);
  });

  it('S/RES/687 (1991): 39 references follow their paragraphs, those of resolution 686 (1991) do not move', () => {
    // Paragraph 6 sits behind a form feed the model does not read as a number: renumbering closes the gap.
    const { doc, result, out } = run(corpus('S-RES-687(1991).txt'));
    assert.equal(result.references, 39);
    assert.ok(assertReferencesKeepTargets(doc, result, parse(out)) >= 39);
    assert.match(out, /cooperating with Kuwait under paragraph 2 of/, 'preamble: "paragraph 2 of resolution 686 (1991)"');
    assert.match(out, /implementation of paragraphs 23, 24 and 26, and to/);
    assert.deepEqual(renumber(parse(out)).edits, []);
  });

  it('A/RES/80/1: "paragraph 1 (a) above" is internal; A/RES/80/6: "article 12, paragraph 3, of the Rome Statute" is not', () => {
    const doc = parse(corpus('A-RES-80-1.txt'));
    assert.deepEqual(allParts(doc.parts).flatMap((p) => partReferences(p, doc.lines)).map((g) => `${g.text}: ${g.verdict}`), ['paragraph 1 (a): internal']);
    const doc6 = parse(corpus('A-RES-80-6.txt'));
    const refs = allParts(doc6.parts).flatMap((p) => partReferences(p, doc6.lines)).map((g) => g.verdict);
    assert.deepEqual(refs, ['external', 'external', 'external', 'external']);
  });
});

describe('renumbering: what is rewritten and what is not', () => {
  const FR = (body: string) => `L'Assemblée générale,\n\nRappelant sa résolution 60/1 du 16 septembre 2005,\n\n${body}\n`;

  it('French forms: « au paragraphe N », « aux paragraphes N et M », « paragraphes N à M », « l’alinéa b) du paragraphe N », « de la présente résolution »', () => {
    const text = FR([
      '1. *Décide* de créer un fonds ;',
      '1 bis. *Décide également* que le fonds sera géré par l\'Office ;',
      '2. *Prie* l\'Office d\'appliquer les mesures visées au paragraphe 1 bis et aux paragraphes 2 et 3 ;',
      '3. *Invite* les États à appliquer les paragraphes 1 à 3, l\'alinéa b) du paragraphe 2 et le paragraphe 3 de la présente résolution ;',
      '4. *Décide* de rester saisie de la question, compte tenu du paragraphe 2 ci-dessus.',
    ].join('\n\n'));
    const { out } = run(text);
    assert.match(out, /^2\. \*Décide également\*/m);
    assert.match(out, /visées au paragraphe 2 et aux paragraphes 3 et 4 ;/);
    assert.match(out, /appliquer les paragraphes 1 à 4, l'alinéa b\) du paragraphe 3 et le paragraphe 4 de la présente résolution ;/);
    assert.match(out, /compte tenu du paragraphe 3 ci-dessus\.$/m);
  });

  it('references to other texts are never touched', () => {
    const text = FR([
      '1. *Rappelle* le paragraphe 5 de la résolution 60/1, le paragraphe 3 de sa résolution 65/232 et l\'article 5 de la Convention ;',
      '1 bis. *Réaffirme* le paragraphe 2 du rapport du Secrétaire général et les paragraphes 2 et 3 du Document final ;',
      '2. *Rappelle* l\'article 12, paragraphe 3, du Statut de Rome, et les paragraphes 1 à 3 de l\'annexe de la résolution 60/1 ;',
      '3. *Rappelle* la résolution 1373 (2001), paragraphe 2, et son paragraphe 3 ;',
      '4. *Décide* de rester saisie de la question.',
    ].join('\n\n'));
    const { result, out } = run(text);
    assert.equal(result.references, 0);
    assert.deepEqual(result.left, []);
    for (const phrase of ['le paragraphe 5 de la résolution 60/1', 'le paragraphe 3 de sa résolution 65/232', "l'article 5 de la Convention", 'le paragraphe 2 du rapport', 'les paragraphes 2 et 3 du Document final',
      "l'article 12, paragraphe 3, du Statut de Rome", "les paragraphes 1 à 3 de l'annexe de la résolution 60/1", 'la résolution 1373 (2001), paragraphe 2', 'son paragraphe 3']) {
      assert.ok(out.includes(phrase), phrase);
    }
  });

  it('English: "paragraph 3 of resolution 1373 (2001)" stays, "paragraph 3 above" and "paragraph 2 (a) of the present resolution" move', () => {
    const text = [
      'The Security Council,', '', 'Recalling paragraph 3 of its resolution 1373 (2001),', '',
      '1. Decides to establish a committee;', '', '1 bis. Decides also that the committee shall report;', '',
      '2. Requests the committee to apply paragraph 3 of resolution 1373 (2001) and the measures in paragraph 1 bis above;', '',
      '3. Decides that the measures in paragraph 2 (a) of the present resolution and paragraphs 1 to 3 shall apply;', '',
      '4. Decides to remain seized of the matter.', '',
    ].join('\n');
    const { out } = run(text);
    assert.match(out, /Recalling paragraph 3 of its resolution 1373 \(2001\),/);
    assert.match(out, /apply paragraph 3 of resolution 1373 \(2001\) and the measures in paragraph 2 above;/);
    assert.match(out, /the measures in paragraph 3 \(a\) of the present resolution and paragraphs 1 to 4 shall apply;/);
  });

  it('doubtful references are left and listed: « notamment le paragraphe 5 », a bare reference in the preamble, « au paragraphe 3 des renseignements »', () => {
    const text = FR([
      'Rappelant également sa résolution 65/232, notamment le paragraphe 2,',
      'Considérant le paragraphe 3,',
      '1. *Décide* de créer un fonds ;',
      '1 bis. *Décide également* que le fonds sera géré par l\'Office ;',
      '2. *Prie* le Secrétaire général de faire figurer dans le rapport visé au paragraphe 2 des renseignements sur le fonds ;',
      '3. *Décide* de rester saisie de la question.',
    ].join('\n\n'));
    const { result, out } = run(text);
    assert.deepEqual(result.left.map((l) => `${l.range.start.line + 1} ${l.text} ${l.reason}`), ['5 paragraphe 2 doubtful', '7 paragraphe 3 doubtful', '13 paragraphe 2 doubtful']);
    assert.match(out, /notamment le paragraphe 2,/);
    assert.match(out, /au paragraphe 2 des renseignements/);
    assert.equal(renumberMessage(result, 'fr'),
      'Renumérotation : 3 numéros de paragraphe mis à jour. Renvois laissés tels quels, à vérifier : ligne 5 « paragraphe 2 » (peut viser un autre texte) ; ligne 7 « paragraphe 3 » (peut viser un autre texte) ; ligne 13 « paragraphe 2 » (peut viser un autre texte).');
  });

  it('left and listed: « par. 2 » without « ci-dessus », a paragraph that does not exist, a paragraph of the annex', () => {
    const text = FR([
      '1. *Décide* de créer un fonds ;',
      '1 bis. *Décide également* que le fonds sera géré par l\'Office (voir par. 2) ;',
      '2. *Prie* l\'Office d\'appliquer le paragraphe 9 et le paragraphe 2 de l\'annexe ;',
      '3. *Décide* de rester saisie de la question.',
      '## Annexe', '1. Premier principe ;', '1 bis. Deuxième principe ;', '2. Troisième principe.',
    ].join('\n\n'));
    const { result, out } = run(text);
    assert.deepEqual(result.left.map((l) => `${l.text} ${l.reason}`), ['par. 2 doubtful', 'paragraphe 9 unknown', "paragraphe 2 annex"]);
    assert.match(out, /\(voir par\. 2\)/);
    assert.match(out, /le paragraphe 9 et le paragraphe 2 de l'annexe ;/);
    assert.match(out, /^2\. Deuxième principe ;$/m);
    assert.equal(renumberMessage(result, 'en'), 'Renumbered: 5 paragraph numbers updated. References left as written, to check: line 7 "par. 2" (may refer to another text); line 9 "paragraphe 9" (no paragraph bears that number); line 9 "paragraphe 2" (points into an annex).');
  });

  it('duplicate numbers: the references to the repeated number are left, the others follow', () => {
    const text = FR([
      '1. *Décide* de créer un fonds ;',
      '2. *Décide également* que le fonds sera géré par l\'Office ;',
      '2. *Prie* l\'Office de rendre compte ;',
      '3. *Rappelle* les paragraphes 1 et 2 et décide de rester saisie de la question, compte tenu du paragraphe 3 ci-dessus.',
    ].join('\n\n'));
    const { result, out } = run(text);
    assert.match(out, /^3\. \*Prie\*/m);
    assert.match(out, /^4\. \*Rappelle\* les paragraphes 1 et 2 et décide/m);
    assert.match(out, /compte tenu du paragraphe 4 ci-dessus\.$/m);
    assert.deepEqual(result.left.map((l) => `${l.text} ${l.reason}`), ['paragraphes 1 et 2 ambiguous']);
  });

  it('sections that restart at 1 keep restarting; « paragraphe 2 » of a two-section text is ambiguous', () => {
    const text = FR([
      '## I', '1. *Décide* A ;', '1 bis. *Décide* B ;', '2. *Décide* C ;',
      '## II', '1. *Décide* D ;', '2. *Décide* E, compte tenu du paragraphe 2 ci-dessus.',
    ].join('\n\n'));
    const { result, out } = run(text);
    const after = parse(out);
    assert.deepEqual(numbersOf(after.parts[0]), ['1', '2', '3', '1', '2']);
    assert.deepEqual(result.left.map((l) => l.reason), ['ambiguous']);
    assert.deepEqual(renumber(after).edits, []);
  });

  it('footnotes in Markdown: calls renumbered, the `[^n]:` list at the end put in the new order', () => {
    const text = FR([
      'Rappelant la Convention[^2] et le Protocole[^1],',
      '1. *Décide* de rester saisie de la question[^3].',
      '[^1]: Protocole.\n[^2]: Convention.\n\n[^3]: Décision.',
    ].join('\n\n'));
    const { result, out } = run(text);
    assert.equal(result.footnotes, 2);
    assert.match(out, /Rappelant la Convention\[\^1\] et le Protocole\[\^2\],/);
    assert.match(out, /\[\^1\]: Convention\.\n\[\^2\]: Protocole\.\n\n\[\^3\]: Décision\.\n$/);
    assert.deepEqual(renumber(parse(out)).edits, []);
  });

  it('footnotes are left when a note is never called (calls lost in a PDF) or numbered twice, and the message says so', () => {
    const text = FR('Rappelant la Convention², le Protocole¹ et l’Accord,\n\n¹ Protocole.\n\n² Convention.\n\n³ Accord.\n\n1. *Décide* de rester saisie de la question.');
    const { result } = run(text);
    assert.deepEqual(result.edits, []);
    assert.deepEqual(result.footnotesSkipped, { reason: 'unreferenced', numbers: [3] });
    assert.equal(renumberMessage(result, 'fr'), 'Notes non renumérotées : note 3 appelée nulle part dans le texte.');
    const twice = run(FR('Rappelant la Convention² et le Protocole¹,\n\n¹ Protocole.\n\n² Convention.\n\n² Accord.\n\n1. *Décide* de rester saisie de la question.'));
    assert.deepEqual(twice.result.footnotesSkipped, { reason: 'duplicate', numbers: [2] });
    assert.equal(renumberMessage(twice.result, 'en'), 'Footnotes not renumbered: several footnotes are numbered 2.');
  });

  it('<sup> calls keep their style; CRLF texts keep CRLF', () => {
    const text = FR('Rappelant la Convention<sup>2</sup> et le Protocole<sup>1</sup>,\n\n<sup>1</sup> Protocole.\n\n<sup>2</sup> Convention.\n\n1. *Décide* de rester saisie de la question.').replace(/\n/g, '\r\n');
    const doc = parse(text);
    const result = renumber(doc);
    assert.deepEqual(result.edits.map((e) => e.newText), ['<sup>1</sup>', '<sup>2</sup>', '<sup>1</sup> Convention.\r\n\r\n<sup>2</sup> Protocole.']);
  });
});

// ---------------------------------------------------------------- properties

interface GenParagraph { label: string; refs: GenRef[]; calls: number[] }
type GenRef = { kind: 'internal'; form: number; targets: number[] } | { kind: 'external'; form: number; n: number };

const TAGS = 'alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo sierra tango'.split(' ');

const FR_INTERNAL = [
  (a: string) => `conformément au paragraphe ${a}`,
  (a: string) => `visé au paragraphe ${a} ci-dessus`,
  (a: string, b: string) => `aux paragraphes ${a} et ${b}`,
  (a: string, b: string) => `des paragraphes ${a} à ${b} ci-dessous`,
  (a: string) => `à l'alinéa b) du paragraphe ${a}`,
  (a: string) => `au paragraphe ${a} de la présente résolution`,
];
const EN_INTERNAL = [
  (a: string) => `in accordance with paragraph ${a}`,
  (a: string) => `referred to in paragraph ${a} above`,
  (a: string, b: string) => `in paragraphs ${a} and ${b}`,
  (a: string, b: string) => `in paragraphs ${a} to ${b} below`,
  (a: string) => `under paragraph ${a} (a)`,
  (a: string) => `in paragraph ${a} of the present resolution`,
];
const FR_EXTERNAL = [
  (n: number) => `le paragraphe ${n} de la résolution 60/1`,
  (n: number) => `le paragraphe ${n} de sa résolution 65/232`,
  (n: number) => `l'article ${n} de la Convention`,
  (n: number) => `le paragraphe ${n} du rapport du Secrétaire général`,
  (n: number) => `l'article 12, paragraphe ${n}, du Statut`,
];
const EN_EXTERNAL = [
  (n: number) => `paragraph ${n} of resolution 1373 (2001)`,
  (n: number) => `paragraph ${n} of its resolution 60/1`,
  (n: number) => `article ${n} of the Convention`,
  (n: number) => `paragraphs ${n} and ${n + 1} of the annex thereto`,
  (n: number) => `article 12, paragraph ${n}, of the Rome Statute`,
];

const SUFFIX = ['bis', 'ter', 'quater'];

/** Labels as a draft under negotiation has them: runs, « bis » insertions, gaps, a duplicate now and then. */
const labelsArb = fc.array(fc.constantFrom('next', 'next', 'next', 'bis', 'gap', 'same'), { minLength: 1, maxLength: 14 }).map((steps) => {
  const labels: string[] = [];
  let n = 0;
  let suffix = -1;
  for (const s of steps) {
    if (s === 'bis' && n > 0 && suffix < 2) { suffix++; labels.push(`${n} ${SUFFIX[suffix]}`); continue; }
    suffix = -1;
    if (s === 'gap') n += 2;
    else if (s === 'same' && n > 0) { /* the same number again */ }
    else n += 1;
    labels.push(String(n));
  }
  return labels;
});

const docArb = fc.record({
  lang: fc.constantFrom('fr' as const, 'en' as const),
  labels: labelsArb,
  refs: fc.array(fc.record({ at: fc.nat(), external: fc.boolean(), form: fc.nat(), a: fc.nat(), b: fc.nat(), n: fc.integer({ min: 1, max: 40 }) }), { maxLength: 10 }),
  calls: fc.array(fc.record({ at: fc.nat(), note: fc.nat() }), { maxLength: 6 }),
}).map(({ lang, labels, refs, calls }) => {
  const paragraphs: GenParagraph[] = labels.map((label) => ({ label, refs: [], calls: [] }));
  for (const r of refs) {
    const p = paragraphs[r.at % paragraphs.length];
    if (r.external) p.refs.push({ kind: 'external', form: r.form, n: r.n });
    else p.refs.push({ kind: 'internal', form: r.form, targets: [r.a % labels.length, r.b % labels.length].sort((x, y) => x - y) });
  }
  // Footnote calls in any order; their notes at the end, in a Markdown list.
  const notes = [...new Set(calls.map((c) => c.note % 5))];
  for (const c of calls) paragraphs[c.at % paragraphs.length].calls.push(notes.indexOf(c.note % 5) + 1);
  return { lang, paragraphs, notes: notes.length };
}).map(({ lang, paragraphs, notes }) => {
  const internal = lang === 'fr' ? FR_INTERNAL : EN_INTERNAL;
  const external = lang === 'fr' ? FR_EXTERNAL : EN_EXTERNAL;
  const out: string[] = [lang === 'fr' ? "L'Assemblée générale," : 'The General Assembly,', '', lang === 'fr' ? 'Rappelant sa résolution 60/1,' : 'Recalling its resolution 60/1,', ''];
  paragraphs.forEach((p, k) => {
    const verb = lang === 'fr' ? '*Décide*' : '*Decides*';
    const tag = `${TAGS[k % TAGS.length]}${Math.floor(k / TAGS.length) || ''}`;
    const phrases = p.refs.map((r) => r.kind === 'internal'
      ? internal[r.form % internal.length](paragraphs[r.targets[0]].label, paragraphs[r.targets[1]].label)
      : external[r.form % external.length](r.n));
    const joined = phrases.length ? `, ${phrases.join(', ')}` : '';
    const call = p.calls.map((n) => `[^${n}]`).join('');
    out.push(`${p.label}. ${verb} ${lang === 'fr' ? 'le thème' : 'the theme'} ${tag}${call}${joined}${k === paragraphs.length - 1 ? '.' : ' ;'}`, '');
  });
  for (let n = notes; n >= 1; n--) out.push(`[^${n}]: Note ${n}.`);
  return out.join('\n') + '\n';
});

describe('renumbering: properties over generated drafts', () => {
  it('is idempotent, numbers run 1..n, footnotes 1..n by first call, edits never overlap', () => {
    let footnotesRenumbered = 0, paragraphsRenumbered = 0;
    fc.assert(fc.property(docArb, (text) => {
      const { doc, result, out } = run(text);
      footnotesRenumbered += result.footnotes;
      paragraphsRenumbered += result.paragraphs;
      assertEditsDisjoint(result);
      const after = parse(out);
      assert.deepEqual(renumber(after).edits, [], `not idempotent:\n${out}`);
      const part = after.parts[0];
      assert.deepEqual(numbersOf(part), part.items.filter((p) => p.number).map((_, k) => String(k + 1)));
      if (!result.footnotesSkipped) {
        const first: number[] = [];
        for (const r of after.footnoteRefs) if (!first.includes(r.number)) first.push(r.number);
        assert.deepEqual(first, first.map((_, k) => k + 1));
        assert.deepEqual(after.footnoteDefs.map((d) => d.number), after.footnoteDefs.map((_, k) => k + 1), 'the list of notes is in order');
      }
      assert.equal(parse(out).paragraphs.length, doc.paragraphs.length);
    }), { numRuns: 300, seed: 20261124 });
    assert.ok(footnotesRenumbered > 100 && paragraphsRenumbered > 300, `the generator exercises both: ${footnotesRenumbered} notes, ${paragraphsRenumbered} paragraphs`);
  });

  it('every rewritten reference still names the paragraph with the same text; references to other texts are untouched', () => {
    let checked = 0, rewritten = 0, left = 0;
    fc.assert(fc.property(docArb, (text) => {
      const { doc, result, out } = run(text);
      checked += assertReferencesKeepTargets(doc, result, parse(out));
      rewritten += result.references;
      left += result.left.length;
      const lang = doc.lang;
      for (const phrase of (lang === 'fr' ? FR_EXTERNAL : EN_EXTERNAL).flatMap((f) => Array.from({ length: 40 }, (_, k) => f(k + 1)))) {
        assert.equal(out.split(phrase).length, text.split(phrase).length, `« ${phrase} » is never touched`);
      }
    }), { numRuns: 300, seed: 20261125 });
    assert.ok(checked > 300 && rewritten > 200 && left > 10, `references checked ${checked}, rewritten ${rewritten}, left ${left}`);
  });

  it('without duplicate numbers, a reference is left only when it follows a reference to another text in the same sentence', () => {
    fc.assert(fc.property(docArb, (text) => {
      const { doc, result, out } = run(text);
      const labels = doc.parts[0].items.filter((p) => p.number).map((p) => p.number!.raw + (p.number!.suffix?.text ?? ''));
      fc.pre(new Set(labels).size === labels.length);
      for (const l of result.left) {
        assert.equal(l.reason, 'doubtful', `${l.text}: ${l.reason}`);
        const line = doc.lines[l.range.start.line].slice(0, l.range.start.character);
        assert.ok((doc.lang === 'fr' ? FR_EXTERNAL : EN_EXTERNAL).some((f) => Array.from({ length: 40 }, (_, k) => f(k + 1)).some((x) => line.includes(x))), `${l.text} in ${doc.lines[l.range.start.line]}`);
      }
      assertReferencesKeepTargets(doc, result, parse(out));
    }), { numRuns: 200, seed: 20261126 });
  });

  it('on random edits of the seeds and the corpus: idempotent, and references keep their targets', () => {
    const real = [...SEEDS.map(read), corpus('S-RES-687(1991).txt'), corpus('S-RES-678(1990).txt')];
    const editArb = fc.record({
      doc: fc.nat(real.length - 1),
      ops: fc.array(fc.record({ at: fc.nat(), what: fc.constantFrom('bis', 'delete', 'swap') }), { minLength: 1, maxLength: 4 }),
    }).map(({ doc, ops }) => {
      const lines = real[doc].split('\n');
      for (const op of ops) {
        const numbered = lines.map((l, k) => (/^\d{1,3}\. /.test(l) ? k : -1)).filter((k) => k >= 0);
        if (!numbered.length) break;
        const k = numbered[op.at % numbered.length];
        if (op.what === 'bis') lines.splice(k + 1, 0, '', lines[k].replace(/^(\d+)\./, '$1 bis.'));
        else if (op.what === 'delete') lines.splice(k, 1, '');
        else lines[k] = lines[k].replace(/^(\d+)\./, (_, n) => `${Number(n) + 1}.`);
      }
      return lines.join('\n');
    });
    fc.assert(fc.property(editArb, (text) => {
      const { doc, result, out } = run(text);
      assertEditsDisjoint(result);
      const after = parse(out);
      assert.deepEqual(renumber(after).edits, []);
      assertReferencesKeepTargets(doc, result, after);
    }), { numRuns: 60, seed: 20261127 });
  });
});
