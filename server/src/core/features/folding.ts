// Folding ranges: the header, each part, its preamble and operative part, and every paragraph
// that spans several lines (with its subparagraphs), and runs of footnotes.
import { allParts, flattenSubs } from '../model/parse';
import type { Paragraph, ResolutionDocument } from '../model/types';

export interface Fold { startLine: number; endLine: number; kind?: 'region' | 'comment' }

export function foldingRanges(doc: ResolutionDocument): Fold[] {
  const folds: Fold[] = [];
  const add = (a: number, b: number, kind: Fold['kind'] = 'region') => { if (b > a) folds.push({ startLine: a, endLine: b, kind }); };
  const header = doc.paragraphs.filter((p) => p.kind === 'header' || p.kind === 'symbol-title' || p.kind === 'title');
  if (header.length) add(header[0].range.start.line, header[header.length - 1].range.end.line);
  for (const part of allParts(doc.parts)) {
    add(part.range.start.line, part.range.end.line);
    if (part.preamble.length) add(part.preamble[0].range.start.line, part.preamble[part.preamble.length - 1].range.end.line);
    if (part.operative.length) add(part.operative[0].range.start.line, endLine(part.operative[part.operative.length - 1]));
    for (const p of part.items) if (p.kind === 'operative' || p.kind === 'statement') add(p.range.start.line, endLine(p));
  }
  // Consecutive footnote definitions fold together.
  let run: Paragraph[] = [];
  const flush = () => { if (run.length > 1) add(run[0].range.start.line, run[run.length - 1].range.end.line, 'comment'); run = []; };
  for (const p of doc.paragraphs) {
    if (p.kind === 'footnote') run.push(p);
    else if (p.kind !== 'rule') flush();
  }
  flush();
  const seen = new Set<string>();
  return folds.filter((f) => (seen.has(`${f.startLine}:${f.endLine}`) ? false : (seen.add(`${f.startLine}:${f.endLine}`), true)))
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function endLine(p: Paragraph): number {
  return Math.max(p.range.end.line, ...flattenSubs(p).map((s) => s.range.end.line));
}
