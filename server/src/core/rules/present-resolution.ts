// The General Assembly and ECOSOC refer to the text itself as « la présente résolution » / "the
// present resolution"; "this resolution" is Security Council usage (research notes §7.6; every GA
// text of the corpus says "the present resolution", every Security Council one "this resolution").
import { flattenSubs } from '../model/parse';
import { ALL_PROFILES } from '../profiles';
import { q, resolutionParts, WORDING_KINDS } from './helpers';
import type { Rule } from './types';

const PATTERNS = {
  fr: { re: /\b([Cc])ette([ \u00a0]+)résolution\b/g, probe: /[Cc]ette[ \u00a0]+résolution/, write: (c: string, sp: string) => `${c === 'C' ? 'L' : 'l'}a${sp}présente${sp}résolution` },
  en: { re: /\b([Tt])his([ \u00a0]+)resolution\b/g, probe: /[Tt]his[ \u00a0]+resolution/, write: (c: string, sp: string) => `${c}he${sp}present${sp}resolution` },
} as const;
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
    const { re, probe, write } = PATTERNS[lang];
    for (const part of resolutionParts(doc)) {
      // A Security Council body nested in another text keeps its own usage.
      if (part.organId === 'security-council') continue;
      for (const p of part.items.flatMap((item) => [item, ...flattenSubs(item)])) {
        // Almost no paragraph has the words: test its joined text once before walking its lines.
        if (!WORDING_KINDS.has(p.kind) || !probe.test(p.text)) continue;
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
      }
    }
  },
};
