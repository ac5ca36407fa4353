// What the status bar shows about the open document: its kind (resolution, draft, report), the
// organ that speaks, the language and a few counts, with a one-line label in the document's language.
import { plain } from '../model/markup';
import type { Lang, Part, ResolutionDocument } from '../model/types';
import { organById } from '../vocabulary';

export type DocumentInfoKind = 'resolution' | 'draft-resolution' | 'report' | 'unknown';

export interface DocumentInfoCounts {
  /** Preambular paragraphs of the resolution and of its nested drafts (annexes excluded). */
  preamble: number;
  /** Operative paragraphs of the resolution and of its nested drafts (annexes excluded). */
  operative: number;
  /** Numbered paragraphs of the annexes (declarations, programmes…). */
  annexParagraphs: number;
  /** Numbered paragraphs of a report. */
  reportParagraphs: number;
  /** Distinct numbered footnote definitions. */
  footnotes: number;
}

export interface DocumentInfo {
  kind: DocumentInfoKind;
  /** Organ id of the first part (« general-assembly », « security-council » …). */
  organ?: string;
  /** The organ's name in the document's language (« Assemblée générale », "General Assembly"). */
  organName?: string;
  /** Whether the resolution carries a nested draft (« … d'adopter le projet de résolution suivant : »). */
  nested: boolean;
  lang: Lang;
  /** The document's symbol (« 78/229 », "687 (1991)", « A/C.3/78/L.12 »). */
  symbol?: string;
  counts: DocumentInfoCounts;
  /** One line for the status bar, in the document's language. */
  label: string;
}


// A draft's masthead: the L. symbol (« A/C.3/78/L.12 », "S/2024/L.3"), « Distr. limitée », or the
// line « Autriche, Belgique … : projet de résolution ». The origin line of an adopted resolution
// (« [… (A/80/L.6)] ») names the draft it came from, so it does not count.
const L_SYMBOL = /(?:^|[\s(])([A-Z][A-Za-z0-9.-]*\/(?:[A-Za-z0-9.-]+\/)*L\.\d+(?:\/[A-Za-z0-9.]+)*)/;
const DRAFT_LINE = /projet de résolution|draft resolution/i;
const LIMITED = /^Distr\.?\s*:?\s*(?:limitée|limited)\b/i;

export function documentInfo(doc: ResolutionDocument): DocumentInfo {
  const first = doc.parts[0];
  const masthead = doc.header.filter((h) => h.kind !== 'origin' && h.kind !== 'adoption');
  const lSymbol = masthead.map((h) => L_SYMBOL.exec(plain(h.text))?.[1]).find((s) => s !== undefined);
  const isDraft = doc.kind === 'resolution' && (
    (doc.symbol?.text.includes('/L.') ?? false)
    || lSymbol !== undefined
    || masthead.some((h) => DRAFT_LINE.test(h.text) || LIMITED.test(plain(h.text).trim()))
  );
  const kind: DocumentInfoKind = doc.kind === 'resolution' ? (isDraft ? 'draft-resolution' : 'resolution') : doc.kind;

  const counts: DocumentInfoCounts = { preamble: 0, operative: 0, annexParagraphs: 0, reportParagraphs: 0, footnotes: 0 };
  let nested = false;
  const walk = (part: Part, inAnnex: boolean): void => {
    const annex = inAnnex || part.kind === 'annex';
    if (part.kind === 'draft') nested = true;
    if (annex) counts.annexParagraphs += part.items.filter((p) => p.number).length;
    else if (part.kind === 'report') counts.reportParagraphs += part.items.filter((p) => p.number).length;
    else {
      counts.preamble += part.preamble.length;
      counts.operative += part.operative.length;
    }
    for (const child of part.children) walk(child, annex);
  };
  for (const part of doc.parts) walk(part, false);
  counts.footnotes = new Set(doc.footnoteDefs.filter((d) => d.number !== null).map((d) => d.number)).size;

  const organ = first?.organId;
  const organName = organ ? nameOf(organ, doc.lang, first.organ ? plain(first.organ.text) : '') : undefined;
  const symbol = doc.symbol?.text ?? lSymbol;
  const info: Omit<DocumentInfo, 'label'> = { kind, organ, organName, nested, lang: doc.lang, symbol, counts };
  return { ...info, label: documentLabel(info) };
}

/** The organ's name as the organ line writes it when it is one of the table's names, else the table's first name. */
function nameOf(id: string, lang: Lang, organLine: string): string {
  const entry = organById(id);
  if (!entry) return id;
  const names = entry[lang];
  return [...names].sort((a, b) => b.length - a.length).find((n) => organLine.includes(n)) ?? names[0] ?? id;
}

const KIND_NAMES: Record<Lang, Record<DocumentInfoKind, string>> = {
  fr: { resolution: 'Résolution', 'draft-resolution': 'Projet de résolution', report: 'Rapport', unknown: 'Document' },
  en: { resolution: 'Resolution', 'draft-resolution': 'Draft resolution', report: 'Report', unknown: 'Document' },
};

/**
 * « Résolution · Conseil économique et social (projet imbriqué) · FR · 14 § · 20 notes »,
 * "Resolution · General Assembly · EN · 93 ¶ · 53 notes", « Rapport · FR · 104 § · 5 notes ».
 * The paragraph count is that of operative paragraphs (numbered paragraphs for a report).
 */
export function documentLabel(info: Omit<DocumentInfo, 'label'>): string {
  const fr = info.lang === 'fr';
  const out = [KIND_NAMES[info.lang][info.kind]];
  if (info.organName) out.push(info.organName + (info.nested ? (fr ? ' (projet imbriqué)' : ' (nested draft)') : ''));
  else if (info.nested) out.push(fr ? 'projet imbriqué' : 'nested draft');
  out.push(info.lang.toUpperCase());
  const paragraphs = info.kind === 'report' ? info.counts.reportParagraphs : info.counts.operative;
  if (paragraphs || info.kind !== 'unknown') out.push(`${paragraphs} ${fr ? '§' : '¶'}`);
  const n = info.counts.footnotes;
  if (n) out.push(`${n} ${n === 1 ? 'note' : 'notes'}`);
  return out.join(' · ');
}
