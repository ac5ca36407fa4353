// The outline: header, then each part (organ line, preamble, operative paragraphs as
// « 3. Souligne », nested draft, annexes), then the meeting line.
import { plain } from '../model/markup';
import type { Paragraph, Part, Range, ResolutionDocument } from '../model/types';

export type OutlineKind = 'header' | 'part' | 'preamble' | 'paragraph' | 'annex' | 'heading' | 'meeting' | 'organ';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: OutlineKind;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

const MAX_NAME = 80;

export function documentSymbols(doc: ResolutionDocument): OutlineSymbol[] {
  const t = (fr: string, en: string) => (doc.lang === 'fr' ? fr : en);
  const out: OutlineSymbol[] = [];
  const headerParas = doc.paragraphs.filter((p) => p.kind === 'header' || p.kind === 'symbol-title' || p.kind === 'title');
  if (headerParas.length) {
    const range = span(headerParas[0].range, headerParas[headerParas.length - 1].range);
    out.push({
      name: doc.symbol ? `${doc.symbol.text}${doc.title ? '. ' + shorten(doc.title.text) : ''}` : t('En-tête', 'Header'),
      detail: doc.symbol ? t('En-tête', 'Header') : undefined,
      kind: 'header', range, selectionRange: headerParas[0].range,
      children: headerParas.map((p) => leaf(shorten(plain(p.text).replace(/^#+\s*/, '')), 'heading', p)),
    });
  }
  for (const part of doc.parts) out.push(partSymbol(part, t));
  if (doc.meeting) out.push(leaf(shorten(plain(doc.meeting.text)), 'meeting', doc.meeting));
  return out;
}

function partSymbol(part: Part, t: (fr: string, en: string) => string): OutlineSymbol {
  const children: OutlineSymbol[] = [];
  if (part.preamble.length) {
    const first = part.preamble[0], last = part.preamble[part.preamble.length - 1];
    children.push({
      name: t('Préambule', 'Preamble'), detail: `${part.preamble.length}`, kind: 'preamble',
      range: span(first.range, last.range), selectionRange: first.range,
      children: part.preamble.map((p) => leaf(p.opener?.text ?? shorten(plain(p.text)), 'paragraph', p)),
    });
  }
  for (const p of part.items) {
    if (p.kind === 'operative' || p.kind === 'statement') {
      const label = p.opener && p.opener.type !== 'unknown' ? p.opener.text : shorten(firstWords(plain(p.text).replace(/^\s*[«“"]?\s*\d+\.\s*/, ''), 4));
      const name = p.number ? `${p.number.value}${p.number.suffix ? ` ${p.number.suffix.text}` : ''}. ${label}` : label;
      children.push({ ...leaf(name, 'paragraph', p), range: withSubs(p) });
    } else if (p.kind === 'heading' && p !== part.heading) {
      children.push(leaf(shorten(plain(p.text).replace(/^#+\s*/, '')), 'heading', p));
    }
  }
  for (const child of part.children) children.push(partSymbol(child, t));
  const name = part.kind === 'annex'
    ? shorten(plain(part.heading?.text ?? t('Annexe', 'Annex')).replace(/^#+\s*/, ''))
    : part.kind === 'report' ? t('Rapport', 'Report') : shorten(plain(part.organ?.text ?? t('Résolution', 'Resolution')));
  const detail = part.kind === 'draft' ? t('projet de résolution', 'draft resolution') : part.kind === 'annex' ? undefined : part.kind === 'report' ? undefined : t('résolution', 'resolution');
  return { name, detail, kind: part.kind === 'annex' ? 'annex' : 'part', range: part.range, selectionRange: (part.organ ?? part.heading ?? part.items[0])?.range ?? part.range, children };
}

function leaf(name: string, kind: OutlineKind, p: Paragraph): OutlineSymbol {
  return { name: name || '…', kind, range: p.range, selectionRange: p.number?.range ?? p.opener?.range ?? p.range, children: [] };
}

function withSubs(p: Paragraph): Range {
  let end = p.range.end;
  const walk = (q: Paragraph) => { for (const s of q.subparagraphs) { if (s.range.end.line > end.line) end = s.range.end; walk(s); } };
  walk(p);
  return { start: p.range.start, end };
}

function span(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

function firstWords(s: string, n: number): string {
  return s.trim().split(/\s+/).slice(0, n).join(' ');
}

function shorten(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_NAME ? t.slice(0, MAX_NAME - 1) + '…' : t;
}
