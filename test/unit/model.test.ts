// Model details that are easy to get wrong: UTF-16 positions, CRLF, BOM, NBSP, footnote calls
// versus ordinals, and input that is not a resolution at all.
import assert from 'node:assert/strict';
import { lastSignificantColumn } from '../../server/src/core/model/markup';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeText } from '../../server/src/core/input';
import { lint } from '../../server/src/core/lint';
import { findFootnoteRefs, findRefsOnPlainLine, linesWithOtherCalls } from '../../server/src/core/model/markup';
import { parse, parseLines } from '../../server/src/core/model/parse';
import { splitLines } from '../../server/src/core/model/text';
import { rules } from '../../server/src/core/rules/index';
import { tokenize, Words } from '../../server/src/core/vocabulary';

const GA = (body: string) => `L'Assemblée générale,\n\n${body}`;

describe('model', () => {
  it('positions are UTF-16 code units (astral characters count twice)', () => {
    const { findings } = lint(GA('Rappelant 𝒜 sa résolution 46/152,\n\n1. *Décide* que 𝒜𝒜 est important ;\n\n3. *Prie* le Secrétaire général de faire rapport.'));
    const f = findings.find((x) => x.rule === 'paragraph-numbering')!;
    assert.deepEqual(f.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 1 } });
    const text = 'Rappelant 𝒜 sa résolution 46/152, et';
    const { findings: g } = lint(GA(text));
    const p = g.find((x) => x.rule === 'paragraph-punctuation')!;
    assert.equal(p.range.start.character, text.length - 1); // JS length is UTF-16
  });

  it('CRLF, a BOM and NBSP give the same diagnostics as LF', () => {
    const lf = GA('Rappelant sa résolution 46/152,\n\n1. *Décide* de rester saisie de la question ;\n\n3. *Prie* le Secrétaire général\u00a0;');
    const crlf = '\ufeff' + lf.replace(/\n/g, '\r\n');
    const a = lint(lf).findings.map((f) => [f.rule, f.range]);
    const b = lint(crlf).findings.map((f) => [f.rule, f.range]);
    assert.deepEqual(b, a);
    assert.ok(a.some(([r]) => r === 'paragraph-numbering'));
  });

  it('footnote calls are not ordinals nor symbol digits', () => {
    const line = 'le 1<sup>er</sup> décembre, la 13<sup>e</sup> séance, 117^e et 1^{er}, A/78/264, 2022-2023<sup>5</sup>, Convention¹², Protocole[^3] et 10 m²';
    assert.deepEqual(findFootnoteRefs(line, 0).map((r) => r.number), [5, 12, 3]);
  });

  // A full parse reads the calls of a line without ¹ ² ³, « <sup> » or « [^ » with one range of
  // characters (U+2070–U+2079, cut at ⁱ and the two unassigned units); the incremental parse (line
  // facts kept) reads every line with findFootnoteRefs. Both must find the same calls.
  it('footnote calls: the full parse finds what findFootnoteRefs finds, line by line', () => {
    const piece = fc.constantFrom('⁰', '¹', '²', '³', '⁴', '⁵', '⁹', 'ⁱ', '\u2072', '\u2073', '⁺', 'm', 'km', ' ', '1', '\u00a0', 'a', ',', ';', '<sup>4</sup>', '[^2]', '[^3]:', 'Note', '\n', '\r\n', '\n\n', '1. ');
    const text = fc.array(piece, { maxLength: 60 }).map((xs) => `L'Assemblée générale,\n\nRappelant sa résolution 46/152${xs.join('')},\n\n1. *Décide* ⁶ ;`);
    fc.assert(fc.property(text, (t) => {
      const lines = splitLines(t);
      const full = parse(t, { language: 'fr' }).footnoteRefs;
      assert.deepEqual(full, parseLines(t, lines, 'fr', []).footnoteRefs);
      // And line by line, over any stretch of a line that linesWithOtherCalls leaves unmarked.
      const marked = linesWithOtherCalls(t, lines)!;
      lines.forEach((line, k) => {
        assert.equal(marked[k] === 1, /[¹²³]|<sup>|\[\^/.test(line), `line ${k}: ${JSON.stringify(line)}`);
        if (!marked[k]) for (let from = 0; from <= line.length; from += 3) assert.deepEqual(findRefsOnPlainLine(line, k, from), findFootnoteRefs(line, k, from));
      });
    }), { numRuns: 3000 });
    // The calls themselves: a run cut by ⁱ is two calls; none after a unit (m⁴ is a power).
    assert.deepEqual(parse(GA('Rappelant⁴ⁱ⁵ sa résolution⁶\u2072⁷, et 3 m⁴,')).footnoteRefs.map((r) => [r.number, r.range.start.character]), [[4, 9], [5, 11], [6, 26], [7, 28]]);
  });

  it('recognises organ lines with or without italics and first-person voice lines', () => {
    assert.equal(parse('*Le Conseil économique et social*\n\n*Recommande* à l\'Assemblée générale d\'adopter le texte suivant :').parts[0].organId, 'economic-and-social-council');
    // A footnote call on the organ line does not hide it.
    assert.equal(parse("*L'Assemblée générale<sup>1</sup>,*\n\n*Rappelant* sa résolution 46/152,\n\n<sup>1</sup> Note.").parts[0].organId, 'general-assembly');
    assert.equal(parse("L'Assemblée générale¹,\n\nRappelant sa résolution 46/152,\n\n¹ Note.").parts[0].organId, 'general-assembly');
    // JavaScript's \b is ASCII-only: « sécurité, » must still end the organ name.
    assert.equal(parse('*Le Conseil de sécurité,*\n\n*Rappelant* sa résolution 1373 (2001),\n\n*Décide* de rester saisi de la question.').parts[0].organId, 'security-council');
    assert.equal(parse('The Security Council,\n\nRecalling its resolution 1373 (2001),\n\n1. Decides to remain seized of the matter.').parts[0].organId, 'security-council');
    assert.equal(parse('La Conférence des Parties à la Convention des Nations Unies contre la criminalité transnationale organisée,\n\nRappelant sa résolution 5/1,').parts[0].organId, 'conference-of-the-parties');
  });

  it('English: fronted modifiers and hard-wrapped Security Council paragraphs', () => {
    const doc = parse('The Security Council,\n\nDetermined to secure full compliance with its decisions,\nActing under Chapter VII of the Charter,\n\n1. Demands that Iraq comply fully with resolution 660\n(1990);\n\n2. Also decides to remain seized of the matter.', { language: 'en' });
    const [part] = doc.parts;
    assert.equal(part.preamble.length, 2);
    assert.equal(part.operative[1].opener?.type, 'operative');
    assert.equal(part.operative[1].opener?.head, 'Decides');
    assert.equal(lint(doc.text).findings.filter((f) => f.severity === 'error').length, 0);
  });

  it('detects the language and lets a setting override it', () => {
    assert.equal(parse('The General Assembly,\n\nRecalling its resolution 77/237 of 15 December 2022,').lang, 'en');
    assert.equal(parse(GA('Rappelant sa résolution 77/237 du 15 décembre 2022,')).lang, 'fr');
    assert.equal(parse(GA('Rappelant sa résolution,'), { language: 'en' }).lang, 'en');
  });

  it('never throws on text that is not a resolution', () => {
    for (const text of [
      // Found by fuzzing: two comments side by side at the end of a line once looped forever.
      '8. Also encourages the Commission<!-- reslint-disable-next-line paragraph-numbering --><!-- reslint-disable -->','', '\n\n\n', '***', '1.', '(a)', '¹', '<sup>1</sup>', '# \n#', '*', '**x', 'x'.repeat(100000), '\u0000\u0001', '\ud800 lone surrogate', 'L\'Assemblée générale,\n\n1.']) {
      assert.doesNotThrow(() => lint(text), JSON.stringify(text.slice(0, 20)));
    }
  });

  it('a rule that throws is reported to the caller and skipped; the other rules still run', () => {
    const rule = rules.find((r) => r.id === 'paragraph-numbering')!;
    const original = rule.check;
    rule.check = () => { throw new Error('boom'); };
    try {
      const failures: string[] = [];
      const { findings } = lint(GA('Rappelle sa résolution 46/152,\n\n1. *Décide* ;\n\n3. *Prie* le Secrétaire général.'), { onRuleError: (id) => failures.push(id) });
      assert.deepEqual(failures, ['paragraph-numbering']);
      assert.ok(findings.some((f) => f.rule === 'preamble-opener'));
      assert.ok(!findings.some((f) => f.rule === 'paragraph-numbering'));
    } finally {
      rule.check = original;
    }
  });

  it('refuses binary and non-UTF-8 input with a reason', () => {
    assert.deepEqual(decodeText(Buffer.from('Résolution 6/1\n', 'utf8')), { ok: true, text: 'Résolution 6/1\n' });
    assert.equal(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x41])).ok && (decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x41])) as { text: string }).text, 'A');
    assert.equal(decodeText(Buffer.from([0x52, 0xe9, 0x73])).ok, false);
    assert.equal(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00])).ok, false);
  });

  it('the ending sets aside footnote calls (several, comma-separated) and a draft\'s closing bracket, not the call\'s own bracket', () => {
    const end = (line: string) => line.charAt(lastSignificantColumn(line, 0, line.length));
    assert.equal(end('Recalling the Convention on the Rights of the Child,[^2]'), ',');
    assert.equal(end('Requests the Secretary-General;¹,²'), ';');
    assert.equal(end('Requests the Secretary-General;<sup>1</sup>,<sup>2</sup>'), ';');
    assert.equal(end('*Rappelant* sa résolution 78/223 du 19 décembre 2023,]'), ',');
    assert.equal(end('les États Membres « [l]es États » ;'), ';');
  });
  it('a reading of words goes on as tokenize reads them (the rules go on from the parser\'s)', () => {
    const plainText = (t: { text: string; start: number; end: number; key: string }[]) => t.map(({ text, start, end, key }) => ({ text, start, end, key }));
    for (const line of ['*Prie* le Secrétaire général de l’Organisation de faire rapport à l’Assemblée générale à sa session', 'Rappelant 𝒜 sa résolution, et', 'Décide 𝒜𝒜', 'Note', '']) {
      for (const asked of [0, 1, 2, 5, 10]) {
        for (const limit of [1, 2, 12]) {
          const words = new Words(line, 1, 10);
          words.has(asked - 1);
          assert.deepEqual(plainText(words.readOn(limit)), plainText(tokenize(line, 1, limit)), `${line} ${asked} ${limit}`);
        }
      }
    }
  });
});
