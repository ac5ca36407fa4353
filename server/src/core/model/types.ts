// The document model: what one pass over a resolution's text yields.
// Positions are LSP-style: 0-based line, UTF-16 code-unit character.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export type Lang = 'fr' | 'en';

/** A stretch of one source line that belongs to a paragraph (page breaks give several). */
export interface Segment { line: number; start: number; end: number }

export type ParagraphKind =
  | 'header'        // masthead lines: organ, distribution, date, session, agenda item, adoption, origin
  | 'symbol-title'  // "78/229. Renforcement …" or "Résolution 6/1"
  | 'title'         // the title on its own line (after "Résolution 6/1")
  | 'organ'         // "L'Assemblée générale,", "The Security Council,", "Nous, chefs d'État …,"
  | 'preamble'
  | 'operative'
  | 'subparagraph'
  | 'statement'     // numbered paragraph of an annexed text (declaration, report)
  | 'heading'
  | 'lead-in'       // unnumbered line introducing what follows: "*Déclarons* ce qui suit :"
  | 'text'          // unnumbered body text that is none of the above (report summary, annex prose)
  | 'meeting'       // closing meeting line
  | 'footnote'      // footnote definition
  | 'rule';         // horizontal rule "---"

export interface Opener {
  /** The words of the opener as written, without markup (« Prend note avec satisfaction »). */
  text: string;
  range: Range;
  /** Whether the opener sits inside emphasis markup (*…* or _…_). */
  italic: boolean;
  /** What the vocabulary recognises the opener as. */
  type: 'preamble' | 'operative' | 'unknown';
  /** For a recognised opener: the canonical head word(s) (« Prie », « Rappelant », « Se félicite »). */
  head?: string;
  /** Range of the recognised verbal phrase (head + modifiers), used by fixes. */
  phraseRange?: Range;
  /** Range of the head word(s) as written (« requests » in « Also requests »). */
  headRange?: Range;
}

export interface ParagraphNumber {
  value: number;
  raw: string;
  range: Range;
  /** « bis », « ter » … of a paragraph inserted during negotiations (« 5 bis. »). */
  suffix?: { text: string; range: Range };
}
export interface SubLabel { text: string; style: 'paren' | 'close' | 'dot'; range: Range }

export interface Ending {
  /** Last significant character once trailing markup, quotes and footnote calls are set aside. */
  char: string;
  range: Range;
  /** Position right after that character (where a missing mark is inserted). */
  after: Position;
  /** Whether white space stands before the character (French « ; »). */
  spacedBefore: boolean;
}

export interface Paragraph {
  kind: ParagraphKind;
  segments: Segment[];
  range: Range;
  /** Plain text: segments joined by a space, markup kept. */
  text: string;
  number?: ParagraphNumber;
  label?: SubLabel;
  opener?: Opener;
  ending?: Ending;
  /** Subparagraphs a), (a) … attached to this paragraph, in order (nested ones inside them). */
  subparagraphs: Paragraph[];
  /** Depth of a subparagraph: 1 for a)/(a), 2 for i)/(i) … */
  depth?: number;
  part?: Part;
  /** Set when the paragraph opens a nested draft (« … d'adopter le projet de résolution suivant : »). */
  introducesDraft?: boolean;
}

export type PartKind = 'resolution' | 'draft' | 'annex' | 'report';

export interface Part {
  kind: PartKind;
  /** 'organ' for a resolution body; 'first-person' for an annexed declaration; 'report' for reports. */
  voice: 'organ' | 'first-person' | 'report';
  organ?: Paragraph;
  /** Organ named by the organ line, from the organs table (drives gender agreement and profiles). */
  organId?: string;
  heading?: Paragraph;
  preamble: Paragraph[];
  operative: Paragraph[];
  /** Every paragraph of the part in order (headings, lead-ins, statements included), not those of child parts. */
  items: Paragraph[];
  children: Part[];
  parent?: Part;
  range: Range;
}

export interface FootnoteRef { number: number; range: Range; style: 'superscript' | 'sup-tag' | 'caret' }
export interface FootnoteDef { number: number | null; marker: string; range: Range; markerRange: Range; paragraph: Paragraph }

export interface HeaderField {
  kind: 'organ' | 'distribution' | 'date' | 'session' | 'agenda' | 'agenda-title' | 'adoption' | 'origin' | 'language' | 'symbol' | 'title' | 'report-title' | 'other';
  text: string;
  range: Range;
}

export type DocumentKind = 'resolution' | 'report' | 'unknown';

export interface ResolutionDocument {
  text: string;
  lines: string[];
  lang: Lang;
  kind: DocumentKind;
  header: HeaderField[];
  symbol?: { text: string; range: Range };
  title?: { text: string; range: Range };
  /** Top-level parts: the resolution (with nested drafts and annexes as children) or the report. */
  parts: Part[];
  paragraphs: Paragraph[];
  footnoteRefs: FootnoteRef[];
  footnoteDefs: FootnoteDef[];
  meeting?: Paragraph;
  /** Whether the document uses emphasis markup (*…*) anywhere on an opener or organ line. */
  usesEmphasis: boolean;
  /** Whether French semicolons in this document take a space before them (« ; ») — decides how fixes write them. */
  spacedSemicolons: boolean;
}
