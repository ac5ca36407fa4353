// Enter continues the numbering (client/src/continuation.ts): next paragraph number, next
// subparagraph label, end of the list on a bare number, plain Enter everywhere else.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { continueOnEnter, fromRoman, nextLabel, toRoman, type EnterEdit } from '../../client/src/continuation';
import { read, ROOT, SEEDS } from '../helpers';

const seedLines = (n: string) => read(SEEDS.find((f) => path.basename(f).startsWith(n))!).split(/\r?\n/);
const corpusLines = (lang: string, name: string) => read(path.join(ROOT, 'test', 'corpus', lang, name)).split(/\r?\n/);

/** Enter at the end of `lines[line]` (1-based line, as an editor shows it). */
const enterAtEnd = (lines: string[], line: number) => continueOnEnter(lines, line - 1, lines[line - 1].length);

/** The text after the edit, and the line the cursor lands on (cursor shown as « | »). */
function apply(lines: string[], edit: EnterEdit): string[] {
  const { start, end } = edit.range;
  const before = lines.slice(0, start.line);
  const after = lines.slice(end.line + 1);
  const middle = (lines[start.line].slice(0, start.character) + edit.text + lines[end.line].slice(end.character)).split('\n');
  const out = [...before, ...middle, ...after];
  const c = edit.cursor;
  out[c.line] = out[c.line].slice(0, c.character) + '|' + out[c.line].slice(c.character);
  return out;
}

describe('Enter continuation: operative paragraphs', () => {
  it('FR seed 000: at the end of « 9. *Prie instamment* … », a blank line and « 10. »', () => {
    const lines = seedLines('000');
    assert.match(lines[329], /^9\. \*Prie instamment\*/);
    const edit = enterAtEnd(lines, 330)!;
    assert.equal(edit.reason, 'next-number');
    assert.equal(edit.text, '\n\n10. ');
    assert.deepEqual(edit.cursor, { line: 331, character: 4 });
    const out = apply(lines, edit);
    assert.equal(out[329], lines[329]);
    assert.equal(out[330], '');
    assert.equal(out[331], '10. |');
    assert.equal(out[333], lines[331], 'the old « 10. » follows, unchanged');
  });

  it('FR seed 001: the last paragraph of the nested draft « 13. » gives « 14. »; seed 004 « 21. » gives « 22. »', () => {
    const s1 = seedLines('001');
    const i13 = s1.findIndex((l) => l.startsWith('13. '));
    assert.equal(enterAtEnd(s1, i13 + 1)?.text, '\n\n14. ');
    const s4 = seedLines('004');
    const i21 = s4.findIndex((l) => l.startsWith('21. '));
    assert.equal(enterAtEnd(s4, i21 + 1)?.text, '\n\n22. ');
  });

  it('EN corpus: « 9. » → « 10. » and the end of the last line of a hard-wrapped paragraph continues it', () => {
    const lines = corpusLines('en', 'S-RES-242(1967).txt');
    assert.equal(lines[18], '1. Affirms that the fulfilment of Charter principles');
    assert.equal(enterAtEnd(lines, 21)?.text, '\n\n2. ', 'line 21 ends paragraph 1');
    assert.equal(enterAtEnd(lines, 19), undefined, 'line 19 is followed by the rest of paragraph 1: plain Enter');
    assert.equal(continueOnEnter(['9. Requests the Secretary-General to report;'], 0, 44)?.text, '\n\n10. ');
  });

  it('keeps the quotation mark, the emphasis and the indentation of the paragraph it continues', () => {
    assert.equal(continueOnEnter(['« 3. Prie le Secrétaire général ;'], 0, 33)?.text, '\n\n« 4. ');
    assert.equal(continueOnEnter(['“3. Requests the Secretary-General;'], 0, 35)?.text, '\n\n“4. ');
    assert.equal(continueOnEnter(['**3.** *Prie* le Secrétaire général ;'], 0, 37)?.text, '\n\n**4.** ');
    assert.equal(continueOnEnter(['   7. Décide ;'], 0, 14)?.text, '\n\n   8. ');
  });

  it('a quoted passage that closes on this line stops the continuation', () => {
    assert.equal(continueOnEnter(['« 4. Décide de rester saisie de la question. »'], 0, 46), undefined);
    assert.equal(continueOnEnter(['“4. Decides to remain seized of the matter.”'], 0, 44), undefined);
  });

  it('a list written without blank lines goes on without them', () => {
    const lines = ['1. Prie ;', '2. Décide ;'];
    assert.equal(enterAtEnd(lines, 2)?.text, '\n3. ');
  });

  it('only at the end of the line (trailing spaces aside)', () => {
    const line = '9. *Prie instamment* les États parties ;';
    assert.equal(continueOnEnter([line], 0, 5), undefined);
    assert.equal(continueOnEnter([line + '   '], 0, line.length)?.text, '\n\n10. ');
    assert.deepEqual(continueOnEnter([line + '   '], 0, line.length)?.range.end, { line: 0, character: line.length + 3 });
  });
});

describe('Enter continuation: subparagraphs', () => {
  it('FR « a) » → « b) », EN « (a) » → « (b) », « z) » → « aa) »', () => {
    assert.equal(continueOnEnter(['a) De promouvoir la coopération ;'], 0, 33)?.text, '\n\nb) ');
    const en = corpusLines('en', 'S-RES-242(1967).txt');
    assert.equal(enterAtEnd(en, 35)?.text, '\n\n(b) ', '(a) on lines 34–35');
    assert.equal(enterAtEnd(en, 42)?.text, '\n\n(d) ', '(c) on lines 40–42');
    assert.equal(continueOnEnter(['(z) Zeta;'], 0, 9)?.text, '\n\n(aa) ');
    assert.equal(continueOnEnter(['*c)* Gamma ;'], 0, 12)?.text, '\n\n*d)* ');
  });

  it('roman numerals: « (ii) » → « (iii) », « iv) » → « v) », « (i) » opening a list → « (ii) »', () => {
    const en = corpusLines('en', 'S-RES-242(1967).txt');
    assert.equal(enterAtEnd(en, 30)?.text, '\n\n(iii) ', '(ii) on lines 25–30');
    assert.equal(continueOnEnter(['iv) Quatrième ;'], 0, 15)?.text, '\n\nv) ');
    const lines = ['5. Décide :', '', 'a) De promouvoir :', '', 'i) La coopération ;'];
    assert.equal(enterAtEnd(lines, 5)?.text, '\n\nii) ');
  });

  it('« i », « v », « x »: letters after « h », « u », « w »; numerals after « iv », « ix »', () => {
    assert.equal(enterAtEnd(['(h) Eighth;', '', '(i) Ninth;'], 3)?.text, '\n\n(j) ');
    assert.equal(enterAtEnd(['(iv) Fourth;', '', '(v) Fifth;'], 3)?.text, '\n\n(vi) ');
    assert.equal(enterAtEnd(['u) Vingt et unième ;', '', 'v) Vingt-deuxième ;'], 3)?.text, '\n\nw) ');
    assert.equal(enterAtEnd(['(ix) Ninth;', '', '(x) Tenth;'], 3)?.text, '\n\n(xi) ');
    assert.equal(nextLabel('x', 'w'), 'y');
    assert.equal(nextLabel('ii', 'hh'), 'jj');
    assert.equal(nextLabel('ii'), 'iii');
    assert.equal(nextLabel('viii'), 'ix');
    assert.equal(nextLabel('xxxix'), 'xl');
  });

  it('roman numerals round-trip', () => {
    for (let n = 1; n < 50; n++) assert.equal(fromRoman(toRoman(n)), n);
    assert.equal(fromRoman('iiii'), undefined);
    assert.equal(fromRoman('vx'), undefined);
  });
});

describe('Enter continuation: ending the list and plain Enter', () => {
  it('a bare « 10. » (nothing typed after the number) loses its number', () => {
    const lines = ['9. *Prie* le Secrétaire général ;', '', '10. '];
    const edit = enterAtEnd(lines, 3)!;
    assert.equal(edit.reason, 'end-list');
    assert.deepEqual(apply(lines, edit), ['9. *Prie* le Secrétaire général ;', '', '|']);
    assert.equal(continueOnEnter(['10.'], 0, 3)?.reason, 'end-list');
    assert.equal(continueOnEnter(['« 4. '], 0, 5)?.reason, 'end-list');
    assert.equal(continueOnEnter(['(c) '], 0, 4)?.reason, 'end-list');
    assert.equal(continueOnEnter(['b)'], 0, 2)?.reason, 'end-list');
  });

  it('nothing inside the masthead (FR seed 001, EN corpus)', () => {
    const fr = seedLines('001');
    for (let i = 0; i < 30; i++) {
      if (fr[i].trim() === '' || /^\d+\./.test(fr[i])) continue;
      assert.equal(enterAtEnd(fr, i + 1), undefined, `line ${i + 1}: ${fr[i]}`);
    }
    const fr0 = seedLines('000');
    const symbolTitle = fr0.findIndex((l) => l.startsWith('78/229. '));
    assert.equal(enterAtEnd(fr0, symbolTitle + 1), undefined, '« 78/229. Renforcement … » is the title, not paragraph 78');
    assert.equal(continueOnEnter(['Point 19 c) de l\'ordre du jour'], 0, 30), undefined);
    const en = corpusLines('en', 'A-RES-80-4.txt');
    for (let i = 0; i < 12; i++) assert.equal(enterAtEnd(en, i + 1), undefined, `line ${i + 1}: ${en[i]}`);
  });

  it('nothing after a plain line: organ line, preambular paragraph, text following a list', () => {
    const fr = seedLines('000');
    const organ = fr.indexOf("L'Assemblée générale,");
    assert.equal(enterAtEnd(fr, organ + 1), undefined);
    assert.equal(enterAtEnd(fr, organ + 3), undefined, 'first preambular paragraph');
    const en = corpusLines('en', 'A-RES-80-4.txt');
    const recalling = en.findIndex((l) => l.startsWith('Recalling also'));
    assert.equal(enterAtEnd(en, recalling + 1), undefined);
    assert.equal(enterAtEnd(['1. Prie ;', '', 'Texte libre'], 3), undefined);
    assert.equal(enterAtEnd(['## 1. Introduction'], 1), undefined, 'a Markdown heading');
  });
});
