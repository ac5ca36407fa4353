// The General Assembly and ECOSOC refer to the text itself as « la présente résolution » / "the
// present resolution"; "this resolution" is Security Council usage (research notes §7.6; every GA
// text of the corpus says "the present resolution", every Security Council one "this resolution").
import { flattenSubs } from '../model/parse';
import { ALL_PROFILES } from '../profiles';
import { q, resolutionParts, WORDING_KINDS } from './helpers';
import type { Paragraph } from '../model/types';
import type { Rule } from './types';

/**
 * `re` finds the words; `needle`, the rarest piece of them (« é » is rarer than « c » and « r »: a
 * search stops at each first letter it meets), found where `holds` accepts it, tells a paragraph
 * that holds them, as /[Cc]ette[ \u00a0]+résolution/ would, without an expression over its text.
 */
const PATTERNS = {
  fr: {
    re: /\b([Cc])ette([ \u00a0]+)résolution\b/g, write: (c: string, sp: string) => `${c === 'C' ? 'L' : 'l'}a${sp}présente${sp}résolution`,
    needle: 'ésolu', holds: (text: string, at: number) => text[at - 1] === 'r' && text.startsWith('tion', at + 5) && followsWord(text, at - 1, 'ette', 'Cc'),
  },
  en: {
    re: /\b([Tt])his([ \u00a0]+)resolution\b/g, write: (c: string, sp: string) => `${c}he${sp}present${sp}resolution`,
    needle: 'his', holds: (text: string, at: number) => (text[at - 1] === 'T' || text[at - 1] === 't') && precedesWord(text, at + 3, 'resolution'),
  },
} as const;

/** Whether `text` holds `needle` where `accept` accepts it. */
function holdsAt(text: string, needle: string, accept: (text: string, at: number) => boolean): boolean {
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) if (accept(text, i)) return true;
  return false;
}

/** Whether `word`, after one of `initials`, then spaces [ \u00a0]+ stand right before `at`. */
function followsWord(text: string, at: number, word: string, initials: string): boolean {
  let k = at - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\u00a0')) k--;
  if (k === at - 1) return false;
  const start = k + 1 - word.length;
  return start > 0 && text.startsWith(word, start) && initials.includes(text[start - 1]);
}

/** Whether spaces [ \u00a0]+ and then `word` follow `at`. */
function precedesWord(text: string, at: number, word: string): boolean {
  let k = at;
  while (k < text.length && (text[k] === ' ' || text[k] === '\u00a0')) k++;
  return k > at && text.startsWith(word, k);
}

/** A resolution cited earlier in the paragraph (« sa résolution 77/237 … de cette résolution »): then « cette » points back to it. */
const CITED_BEFORE = /\b[Rr][ée]solutions?[ \u00a0]+(?:\[)?(?:S-|ES-)?\d/;

export const presentResolution: Rule = {
  id: 'present-resolution',
  defaultSeverity: 'warning',
  description: {
    fr: 'Une résolution de l’Assemblée générale ou du Conseil économique et social se désigne comme « la présente résolution », non « cette résolution » (usage du Conseil de sécurité).',
    en: 'A General Assembly or Economic and Social Council resolution refers to itself as "the present resolution", not "this resolution" (Security Council usage).',
  },
  profiles: ALL_PROFILES.filter((p) => p !== 'security-council'), scope: 'part',
  check(ctx) {
    const { doc, lang } = ctx;
    const { re, write, needle, holds } = PATTERNS[lang];
    // Almost no paragraph has the words: its joined text is tested once before its lines are walked.
    const check = (p: Paragraph) => {
      if (!WORDING_KINDS.has(p.kind) || !holdsAt(p.text, needle, holds)) return;
      let before = '';
      for (const seg of p.segments) {
        const line = doc.lines[seg.line];
        re.lastIndex = seg.start;
        let from = seg.start;
        for (let m = re.exec(line); m && m.index < seg.end; m = re.exec(line)) {
          before += line.slice(from, m.index);
          from = m.index;
          if (CITED_BEFORE.test(before)) continue;
          const range = { start: { line: seg.line, character: m.index }, end: { line: seg.line, character: m.index + m[0].length } };
          const right = write(m[1], m[2]);
          ctx.report({
            range,
            message: ctx.t(`${q(lang, m[0])} : une résolution de l’Assemblée générale se désigne comme ${q(lang, right)} (« cette résolution » est l’usage du Conseil de sécurité)`,
              `${q(lang, m[0])}: a General Assembly resolution refers to itself as ${q(lang, right)} ("this resolution" is Security Council usage)`),
            // Not safe: « cette résolution » may still point to a resolution named in an earlier paragraph.
            fixes: [{ title: ctx.t(`Écrire ${q(lang, right)}`, `Write ${q(lang, right)}`), edits: [{ range, newText: right }] }],
          });
        }
        before += line.slice(from, seg.end) + ' ';
      }
    };
    for (const part of resolutionParts(doc)) {
      // A Security Council body nested in another text keeps its own usage.
      if (part.organId === 'security-council') continue;
      for (const item of part.items) {
        check(item);
        if (item.subparagraphs.length) for (const sub of flattenSubs(item)) check(sub);
      }
    }
  },
};
