// Hovers: a footnote call shows its note; a citation shows what is known of the cited text
// (symbol, organ, date, title, where it is defined, how often it is cited, the official link);
// an opener or operative verb shows what it is and its equivalents in the other language.
// Everything taken from a document is escaped: a hover never renders a document's HTML,
// links, images or command links.
import type { Citation } from '../citations/citations';
import { rangeContains } from '../model/text';
import { formatDate } from '../citations/dates';
import type { Paragraph, Position, Range, ResolutionDocument } from '../model/types';
import { operativeSuggestions, organById, preambleSuggestions, sameHead } from '../vocabulary';

export interface IndexEntryView {
  date?: string;
  titles?: { fr?: string; en?: string };
  definedIn?: { uri: string; line: number };
}

/** What the hover may learn from the resolution index (shipped data, workspace, catalogue). */
export interface IndexView {
  lookup(key: string): IndexEntryView | undefined;
  citedCount?(key: string): number;
}

export interface HoverResult { markdown: string; range: Range }

const KIND_NAMES: Record<string, { fr: string; en: string }> = {
  'ga-resolution': { fr: 'Résolution de l’Assemblée générale', en: 'General Assembly resolution' },
  'ga-decision': { fr: 'Décision de l’Assemblée générale', en: 'General Assembly decision' },
  'sc-resolution': { fr: 'Résolution du Conseil de sécurité', en: 'Security Council resolution' },
  'ecosoc-resolution': { fr: 'Résolution du Conseil économique et social', en: 'Economic and Social Council resolution' },
  'ecosoc-decision': { fr: 'Décision du Conseil économique et social', en: 'Economic and Social Council decision' },
  'body-resolution': { fr: 'Résolution', en: 'Resolution' },
  'body-decision': { fr: 'Décision', en: 'Decision' },
  document: { fr: 'Document', en: 'Document' },
};

/** Escapes Markdown and HTML so that document text is shown as text. */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : `\\${c}`));
}


export function hover(doc: ResolutionDocument, citations: Citation[], position: Position, index?: IndexView): HoverResult | undefined {
  const t = (fr: string, en: string) => (doc.lang === 'fr' ? fr : en);
  const ref = doc.footnoteRefs.find((r) => rangeContains(r.range, position));
  if (ref) {
    const def = doc.footnoteDefs.find((d) => d.number === ref.number);
    const text = def ? def.paragraph.text.slice(def.markerRange.end.character - def.paragraph.segments[0].start).trim() : undefined;
    return {
      range: ref.range,
      markdown: text ? `**${t('Note', 'Footnote')} ${ref.number}** — ${escapeMarkdown(text)}` : t(`Note ${ref.number} : aucune note de ce numéro`, `Footnote ${ref.number}: no footnote with this number`),
    };
  }
  const citation = citations.find((c) => rangeContains(c.symbolRange, position)) ?? citations.find((c) => rangeContains(c.range, position));
  if (citation) return { range: citation.symbolRange, markdown: citationHover(doc, citation, index) };
  const paragraph = doc.paragraphs.find((p) => p.opener && rangeContains(p.opener.range, position));
  if (paragraph) return openerHover(doc, paragraph);
  return undefined;
}

function citationHover(doc: ResolutionDocument, c: Citation, index?: IndexView): string {
  const lang = doc.lang;
  const t = (fr: string, en: string) => (lang === 'fr' ? fr : en);
  const entry = index?.lookup(c.symbol);
  const lines: string[] = [`**${escapeMarkdown(c.symbol)}** — ${KIND_NAMES[c.kind]?.[lang] ?? c.kind}`];
  const organ = c.organ && (organById(c.organ.id)?.[lang][0] ?? c.organ.name);
  if (organ && c.kind !== 'document') lines.push(t(`Organe : ${escapeMarkdown(organ)}`, `Organ: ${escapeMarkdown(organ)}`));
  const date = entry?.date ?? c.date?.iso;
  if (date) lines.push(`${t('Adoptée le', 'Adopted on')} ${escapeMarkdown(formatDate(date, lang))}${entry?.date ? '' : t(' (date citée)', ' (as cited)')}`);
  // Titles in both languages when known, the document's first; else the title as cited.
  const other = lang === 'fr' ? 'en' : 'fr';
  const titles = [entry?.titles?.[lang], entry?.titles?.[other]].filter((x): x is string => !!x);
  if (!titles.length && c.title?.text) titles.push(c.title.text);
  for (const title of titles) lines.push(`*${escapeMarkdown(title)}*`);
  if (entry?.definedIn) lines.push(t(`Définie dans ${escapeMarkdown(entry.definedIn.uri.split('/').pop() ?? '')}, ligne ${entry.definedIn.line + 1}`, `Defined in ${escapeMarkdown(entry.definedIn.uri.split('/').pop() ?? '')}, line ${entry.definedIn.line + 1}`));
  const count = index?.citedCount?.(c.symbol);
  if (count) lines.push(t(`Citée ${count} fois dans l’espace de travail`, `Cited ${count} times in the workspace`));
  if (c.link) lines.push(`[${t('Texte officiel', 'Official text')}](${encodeURI(c.link)})`);
  return lines.join('  \n');
}

function openerHover(doc: ResolutionDocument, p: Paragraph): HoverResult | undefined {
  const o = p.opener!;
  if (o.type === 'unknown' || !o.head) return undefined;
  const lang = doc.lang;
  const t = (fr: string, en: string) => (lang === 'fr' ? fr : en);
  const pool = o.type === 'operative' ? operativeSuggestions(lang) : preambleSuggestions(lang, undefined);
  const entry = pool.find((s) => sameHead(s.head, o.head!));
  const what = o.type === 'operative'
    ? t('Verbe du dispositif : il ouvre un paragraphe numéroté, au présent de l’indicatif, en italique.', 'Operative verb: it opens a numbered paragraph, in the present tense, in italics.')
    : t('Formule du préambule : participe ou adjectif qui ouvre un alinéa terminé par une virgule.', 'Preambular opener: a participle or adjective opening a paragraph that ends with a comma.');
  const list = entry?.equivalents.map(escapeMarkdown).join(', ');
  const equivalents = list ? `  \n${t(`Anglais : ${list}`, `French: ${list}`)}` : '';
  return { range: o.phraseRange ?? o.range, markdown: `**${escapeMarkdown(o.head)}** — ${what}${equivalents}` };
}
