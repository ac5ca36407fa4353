// Go to definition: a footnote call goes to its note; a citation goes to the title line of the
// cited resolution's file in the workspace, when the index knows one.
import type { Citation } from '../citations/citations';
import { rangeContains } from '../model/text';
import type { Position, Range, ResolutionDocument } from '../model/types';
import type { IndexView } from './hover';

export interface DefinitionTarget { uri?: string; range: Range }


export function definition(doc: ResolutionDocument, citations: Citation[], position: Position, index?: IndexView): DefinitionTarget | undefined {
  const ref = doc.footnoteRefs.find((r) => rangeContains(r.range, position));
  if (ref) {
    const def = doc.footnoteDefs.find((d) => d.number === ref.number);
    return def ? { range: def.range } : undefined;
  }
  const citation = citations.find((c) => rangeContains(c.symbolRange, position));
  const target = citation && index?.lookup(citation.symbol)?.definedIn;
  return target ? { uri: target.uri, range: { start: { line: target.line, character: 0 }, end: { line: target.line, character: 0 } } } : undefined;
}
