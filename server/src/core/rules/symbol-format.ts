// Document and resolution symbols are written as the Organization issues them: series and words in
// capitals (A/RES/78/229, not a/res/78/229), one slash between components (77/237, not 77//237), the
// Security Council year after a space (S/RES/1373 (2001)), revisions, addenda and corrigenda as
// /Rev.1, /Add.1, /Corr.1. Only forms whose correct spelling is certain are reported: a false alarm
// on an adopted text is worse than a missed slip, so anything the patterns below do not pin down
// (a symbol cut by a line break, a lower-case series outside RES/DEC symbols, spaces inside a
// symbol) is left alone.
import type { Range } from '../model/types';
import { needleTest, q } from './helpers';
import { ALL_PROFILES } from '../profiles';
import type { Rule, TextEdit } from './types';

// Nothing that could continue a word, a number, a path or a URL stands before a symbol.
const BEFORE = '(?<![\\p{L}\\p{N}/.\\-_:@#])';
/** Resolution and decision symbols in any case, the Security Council year glued or spaced: a/res/78/229, S/RES/1373(2001). */
const RES_SYMBOL = new RegExp(`${BEFORE}((?:A\\/HRC|E\\/CN\\.4|[ASE])\\/(?:RES|DEC)\\/(?:(?:S-|ES-)?\\d{1,4}\\/\\d{1,4}|\\d{1,4}))(?:( ?)\\(((?:19[4-9]|20\\d)\\d)\\))?(?![\\p{L}\\p{N}/])`, 'giu');
/** A symbol or cited number with a doubled slash: 77//237, A/RES//78/229, A/C.3//78/L.13. */
const DOUBLE_SLASH = new RegExp(`${BEFORE}[A-Z0-9][A-Za-z0-9.\\-]*(?:\\/\\/?[A-Za-z0-9][A-Za-z0-9.\\-]*)+`, 'gu');
/** A capitalised symbol ending in a revision, addendum or corrigendum written in another case: A/C.3/78/L.13/rev.1. */
const SYMBOL_TOKEN = new RegExp(`${BEFORE}[A-Z]{1,6}(?:\\/[A-Za-z0-9][A-Za-z0-9.\\-]*)+`, 'gu');
const SUFFIX = /^(rev|add|corr)\.\d{1,3}$/i;
/** After a slash: what each pattern needs before it runs (/res/ or /dec/, a second slash, /rev, /add, /corr, /amend). */
const RES_OR_DEC = /(?:res|dec)\//iy;
const REVISION = /(?:rev|add|corr|amend)\b/iy;

/**
 * Whether a slash at `at` in the whole text starts what one of the patterns needs: what follows it
 * up to a word boundary stands in its line's segment, as in a paragraph's text.
 */
function mayStartSlip(text: string, at: number): boolean {
  if (text[at + 1] === '/') return true;
  RES_OR_DEC.lastIndex = REVISION.lastIndex = at + 1;
  return RES_OR_DEC.test(text) || REVISION.test(text);
}
const SUFFIX_CASE: Record<string, string> = { rev: 'Rev', add: 'Add', corr: 'Corr' };

export const symbolFormat: Rule = {
  id: 'symbol-format',
  defaultSeverity: 'warning',
  description: {
    fr: 'Une cote s’écrit comme l’Organisation la publie : en capitales (A/RES/78/229), une seule barre oblique entre les éléments, l’année du Conseil de sécurité après une espace (S/RES/1373 (2001)), /Rev.1, /Add.1, /Corr.1.',
    en: 'A symbol is written as the Organization issues it: in capitals (A/RES/78/229), one slash between components, the Security Council year after a space (S/RES/1373 (2001)), /Rev.1, /Add.1, /Corr.1.',
  },
  profiles: ALL_PROFILES, scope: 'paragraph',
  check(ctx) {
    const { doc, lang } = ctx;
    const report = (line: number, start: number, written: string, expected: string, why: string, edits: TextEdit[]) => {
      const range: Range = { start: { line, character: start }, end: { line, character: start + written.length } };
      ctx.report({
        range,
        message: ctx.t(`Cote ${q(lang, written)} : ${why} (${q(lang, expected)})`, `Symbol ${q(lang, written)}: ${why} (${q(lang, expected)})`),
        fixes: [{ title: ctx.t(`Écrire ${q(lang, expected)}`, `Write ${q(lang, expected)}`), edits, safe: true }],
      });
    };
    // Most slashes are right (77/237): the paragraphs worth reading are found in the whole text.
    const worth = needleTest(doc, ['/'], mayStartSlip);
    for (const p of doc.paragraphs) {
      if (p.kind === 'rule' || !worth(p)) continue;
      for (const s of p.segments) {
        const text = doc.lines[s.line].slice(s.start, s.end);
        if (!text.includes('/')) continue;
        const at = (offset: number) => ({ line: s.line, character: s.start + offset });
        let m: RegExpExecArray | null;

        // Each pattern opens with a Unicode lookbehind tried at every character: run it only on text
        // that can hold what it looks for.
        RES_SYMBOL.lastIndex = 0;
        while (/\/(?:res|dec)\//i.test(text) && (m = RES_SYMBOL.exec(text))) {
          const [whole, symbol, space, year] = m;
          const upper = symbol.toUpperCase();
          const sc = upper.startsWith('S/');
          // The year belongs to the symbol only for the Security Council.
          const written = sc || year === undefined ? whole : symbol;
          const expected = sc && year !== undefined ? `${upper} (${year})` : upper;
          if (written === expected) continue;
          const why: string[] = [];
          if (upper !== symbol) why.push(ctx.t('elle s’écrit en capitales', 'it is written in capitals'));
          if (sc && year !== undefined && !space) why.push(ctx.t('une espace précède l’année', 'a space comes before the year'));
          const edits: TextEdit[] = [];
          if (upper !== symbol) edits.push({ range: { start: at(m.index), end: at(m.index + symbol.length) }, newText: upper });
          if (sc && year !== undefined && !space) edits.push({ range: { start: at(m.index + symbol.length), end: at(m.index + symbol.length) }, newText: ' ' });
          report(s.line, s.start + m.index, written, expected, why.join(ctx.t(' ; ', '; ')), edits);
        }

        DOUBLE_SLASH.lastIndex = 0;
        while (text.includes('//') && (m = DOUBLE_SLASH.exec(text))) {
          const written = m[0].replace(/[.\-]+$/, '');
          if (!written.includes('//') || !/\d/.test(written)) continue;
          const expected = written.replace(/\/\//g, '/');
          const edits: TextEdit[] = [];
          for (let i = written.indexOf('//'); i >= 0; i = written.indexOf('//', i + 2)) {
            edits.push({ range: { start: at(m.index + i), end: at(m.index + i + 2) }, newText: '/' });
          }
          report(s.line, s.start + m.index, written, expected, ctx.t('une seule barre oblique sépare les éléments', 'one slash separates the components'), edits);
        }

        SYMBOL_TOKEN.lastIndex = 0;
        while (/\/(?:rev|add|corr|amend)\b/i.test(text) && (m = SYMBOL_TOKEN.exec(text))) {
          const written = m[0].replace(/[.\-]+$/, '');
          const comps = written.split('/');
          // Only a symbol: a number before the revision (A/C.3/78/L.13/rev.1), not a pair of words.
          const first = comps.findIndex((c) => SUFFIX.test(c));
          if (first < 0 || !comps.slice(0, first).some((c) => /\d/.test(c))) continue;
          const edits: TextEdit[] = [];
          let offset = 0;
          const right: string[] = [];
          for (const c of comps) {
            const k = SUFFIX.exec(c);
            const word = k ? SUFFIX_CASE[k[1].toLowerCase()] : undefined;
            if (k && word && k[1] !== word) {
              edits.push({ range: { start: at(m.index + offset), end: at(m.index + offset + word.length) }, newText: word });
              right.push(`/${word}${c.slice(word.length)}`);
            }
            offset += c.length + 1;
          }
          if (!edits.length) continue;
          const expected = edits.reduce((acc, e) => {
            const i = e.range.start.character - s.start - m!.index;
            return acc.slice(0, i) + e.newText + acc.slice(i + e.newText.length);
          }, written);
          report(s.line, s.start + m.index, written, expected,
            ctx.t(`révisions, additifs et rectificatifs s’écrivent ${right.map((r) => q(lang, r)).join(', ')}`, `revisions, addenda and corrigenda are written ${right.map((r) => q(lang, r)).join(', ')}`),
            edits);
        }
      }
    }
  },
};
