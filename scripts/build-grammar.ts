// Builds syntaxes/un-resolution.tmLanguage.json (scope text.un-resolution).
// The JSON is generated so that the opener and verb lists are written once and
// each regular expression keeps readable named fragments.
//   Regenerate: node --import tsx scripts/build-grammar.ts
//   Drift check: test/unit/grammar-build.test.ts
// Regexes run in Oniguruma (vscode-textmate), not in JavaScript.

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const GRAMMAR_FILE = 'syntaxes/un-resolution.tmLanguage.json';
const SUFFIX = 'un-resolution';

// ---------------------------------------------------------------------------
// Capture helper: regex parts are raw strings (non-capturing groups only) or
// groups built with cap()/nc(), so capture numbers never need to be counted.

interface Capture { name?: string; patterns?: Rule[] }
interface Rule {
  comment?: string;
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Record<string, Capture>;
  beginCaptures?: Record<string, Capture>;
  endCaptures?: Record<string, Capture>;
  patterns?: Rule[];
  include?: string;
}
interface Group { kind: 'cap' | 'nc'; scope?: string; patterns?: Rule[]; parts: Part[]; quant: string }
type Part = string | Group;

const scoped = (scope: string): string => `${scope}.${SUFFIX}`;

/** Capturing group; `scope` may be undefined when only `patterns` matter. */
function cap(scope: string | undefined, ...parts: Part[]): Group {
  return { kind: 'cap', scope: scope === undefined ? undefined : scoped(scope), parts, quant: '' };
}
/** Capturing group whose text is re-tokenized with `patterns`. */
function capWith(scope: string | undefined, patterns: Rule[], ...parts: Part[]): Group {
  return { ...cap(scope, ...parts), patterns };
}
/** Non-capturing group, for quantifying parts that contain captures. */
function nc(quant: string, ...parts: Part[]): Group {
  return { kind: 'nc', parts, quant };
}
function optCap(scope: string, ...parts: Part[]): Group {
  return { ...cap(scope, ...parts), quant: '?' };
}

function assertNoCapturingGroup(fragment: string): void {
  const bare = fragment.replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  if (/\((?!\?)/.test(bare)) throw new Error(`fragment has a capturing group: ${fragment}`);
}

function compile(parts: Part[]): { regex: string; captures: Record<string, Capture> } {
  const captures: Record<string, Capture> = {};
  let counter = 0;
  // vscode-textmate drops the scopes of enclosing captures when it re-tokenizes
  // a capture with `patterns`, so such a capture repeats them in its own name.
  const emit = (part: Part, enclosing: string[]): string => {
    if (typeof part === 'string') {
      assertNoCapturingGroup(part);
      return part;
    }
    if (part.kind === 'nc') return `(?:${part.parts.map((p) => emit(p, enclosing)).join('')})${part.quant}`;
    const index = ++counter;
    const scopes = part.scope ? [...enclosing, part.scope] : enclosing;
    const capture: Capture = {};
    if (part.patterns) {
      if (scopes.length) capture.name = scopes.join(' ');
      capture.patterns = part.patterns;
    } else if (part.scope) {
      capture.name = part.scope;
    }
    if (capture.name || capture.patterns) captures[String(index)] = capture;
    return `(${part.parts.map((p) => emit(p, scopes)).join('')})${part.quant}`;
  };
  const regex = parts.map((p) => emit(p, [])).join('');
  return { regex, captures };
}

function match(name: string | undefined, parts: Part[], comment?: string): Rule {
  const { regex, captures } = compile(parts);
  const rule: Rule = {};
  if (comment) rule.comment = comment;
  if (name) rule.name = scoped(name);
  rule.match = regex;
  if (Object.keys(captures).length) rule.captures = captures;
  return rule;
}

function block(
  name: string | undefined,
  begin: Part[],
  end: Part[],
  patterns: Rule[],
  comment?: string,
): Rule {
  const b = compile(begin);
  const e = compile(end);
  const rule: Rule = {};
  if (comment) rule.comment = comment;
  if (name) rule.name = scoped(name);
  rule.begin = b.regex;
  if (Object.keys(b.captures).length) rule.beginCaptures = b.captures;
  rule.end = e.regex;
  if (Object.keys(e.captures).length) rule.endCaptures = e.captures;
  rule.patterns = patterns;
  return rule;
}

const include = (key: string): Rule => ({ include: `#${key}` });
const alt = (words: readonly string[]): string => `(?:${words.join('|')})`;

// ---------------------------------------------------------------------------
// Fragments

/** Line start, or the start of a markdown heading's text (\G after "## "). */
const LS = String.raw`(?:^|\G)`;
const SP = String.raw`[ \u00A0\u202F]`; // French uses (narrow) no-break spaces
const WS = String.raw`[ \t\u00A0]+`;
const EOL = String.raw`[ \t]*$`; // never \s*$: it would swallow the line's \n
const QUOTE_OPEN = String.raw`[«“"][ \u00A0]?`;
const WORD_END = String.raw`(?![\p{L}\p{M}\d'’\-])`;
const BEFORE_NUMBER = String.raw`(?<![\w/.\-])`;

const MONTH_FR = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const MONTH_EN = 'January|February|March|April|May|June|July|August|September|October|November|December';
const YEAR = String.raw`(?:1[5-9]|20)\d{2}(?!\d)`;
const DAY_FR = String.raw`(?:1(?:er|<sup>er</sup>|\^\{?er\}?)|[12]\d|3[01]|[1-9])`;
const DAY_EN = String.raw`(?:[12]\d|3[01]|[1-9])`;
const DATE_FR_REST = `${SP}(?:${MONTH_FR})${SP}${YEAR}`;
const DATE_EN_REST = String.raw` (?:${MONTH_EN}),? ${YEAR}`;
const DATE_ANY = `(?:${DAY_FR}${DATE_FR_REST}|${DAY_EN}${DATE_EN_REST})`;

/** French "50^e", "1^{er}", "13<sup>e</sup>", "89e"; English "51st". Never footnotes. */
const ORDINAL_FR = '(?:ers|er|res|re|es|e|ème)';
const ORDINAL = String.raw`(?<![\w.])\d{1,4}(?:\^(?:\{${ORDINAL_FR}\}|${ORDINAL_FR}(?!\p{L}))|<sup>${ORDINAL_FR}</sup>|(?:${ORDINAL_FR}|st|nd|rd|th)(?![\p{L}\d]))`;

const SUPERSCRIPT_DIGITS = '[¹²³⁴⁵⁶⁷⁸⁹⁰]+';

// Resolution numbers (rules doc §5.3).
const PART_LETTER = String.raw`[A-Z](?![\w/]|\.\w)`;
const PART_LETTERS = String.raw`(?:${SP}${PART_LETTER}(?:(?:,${SP}|${SP}(?:and|et|to|à)${SP})${PART_LETTER})*)?`;
const GA_NEW = String.raw`${BEFORE_NUMBER}(?:S-|ES-)?\d{1,2}/\d{1,3}(?![\w/])${PART_LETTERS}`;
const ECOSOC_NEW = String.raw`${BEFORE_NUMBER}(?:19[7-9]\d|20\d{2})/\d{1,3}(?![\w/])${PART_LETTERS}`;
const GA_OLD = String.raw`${BEFORE_NUMBER}\d{1,4}${PART_LETTERS}${SP}\((?:(?:S-|ES-)?[IVXLC]+|ORG-\d{2})\)`;
const SC_RES = String.raw`${BEFORE_NUMBER}\d{1,4}${SP}\((?:19[4-9]\d|20\d{2})\)`;

// Document symbols: slash-separated components, at least one digit somewhere.
const SYMBOL_SERIES = String.raw`[A-Z]{1,8}(?:\.\d{1,4})?`;
const SYMBOL_COMPONENT = String.raw`(?:(?:S-|ES-)?\d{1,5}[A-Z]?|[A-Z]{1,8}(?:\.\d{1,4}[A-Z]?)?|(?:Rev|Add|Corr|Amend)\.\d{1,3})`;
const SYMBOL_ONE = `${SYMBOL_SERIES}(?:/${SYMBOL_COMPONENT}){1,8}`;
const SYMBOL_ADDENDUM = String.raw`(?:${WS}(?:and|et)${WS}(?:Add|Corr|Rev)\.\d{1,3})?`;
const DOCUMENT_SYMBOL = String.raw`${BEFORE_NUMBER}(?=[A-Z][A-Za-z0-9.\-]*/[A-Za-z0-9./\-]*\d)${SYMBOL_ONE}(?:-${SYMBOL_ONE})*(?![\w/])${SYMBOL_ADDENDUM}`;
const RES_SYMBOL = String.raw`${BEFORE_NUMBER}(?:S/RES/\d{1,4}${SP}?\((?:19[4-9]\d|20\d{2})\)|A/RES/\d{1,4}${SP}?(?:[A-Z]${SP})?\((?:S-|ES-)?[IVXLC]+\))`;

/** Symbol on a title line: "78/229", "2021/20", "6/1", "678 (1990)", "217 A (III)". */
const TITLE_SYMBOL = String.raw`(?:(?:S-|ES-)?\d{1,4}/\d{1,3}(?:[ \t][A-Z](?![\w/]))?|\d{1,4}${SP}\((?:19|20)\d{2}\)|\d{1,4}(?:${SP}[A-Z])?${SP}\([IVXLC]+\))`;

// Organ line (rules doc §1.2): organ named in full, then a comma.
const ORGAN_OPEN_NAME = String.raw`[^,*.;:\n]*`; // "La Conférence des Parties à …"
const ORGAN = alt([
  String.raw`L['’]Assemblée générale`,
  'Le Conseil de sécurité',
  'Le Conseil économique et social',
  String.raw`Le Conseil des droits de l['’]homme`,
  'Le Conseil de tutelle',
  `La Conférence\\b${ORGAN_OPEN_NAME}`,
  `La Commission\\b${ORGAN_OPEN_NAME}`,
  `Le Comité\\b${ORGAN_OPEN_NAME}`,
  `Le Conseil d['’]administration\\b${ORGAN_OPEN_NAME}`,
  'The General Assembly',
  'The Security Council',
  'The Economic and Social Council',
  'The Human Rights Council',
  'The Trusteeship Council',
  `The Conference\\b${ORGAN_OPEN_NAME}`,
  `The Commission\\b${ORGAN_OPEN_NAME}`,
  `The Committee\\b${ORGAN_OPEN_NAME}`,
  `The (?:Executive|Governing) (?:Board|Council)\\b${ORGAN_OPEN_NAME}`,
]);

const MASTHEAD = alt([
  'United Nations', 'Nations Unies', 'General Assembly', 'Assemblée générale',
  'Security Council', 'Conseil de sécurité', 'Economic and Social Council',
  'Conseil économique et social', 'Trusteeship Council', 'Conseil de tutelle',
]);

// --- Preambular openers (rules doc §2, §6.1) --------------------------------

// Capitalised -ant/-ing words that are not participial openers.
const NOT_OPENER_FR = ['Pendant', 'Cependant', 'Durant', 'Maintenant', 'Suivant', 'Constant', 'Instant',
  'Montant', 'Représentant', 'Étudiant', 'Habitant', 'Restaurant', 'Pourtant', 'Nonobstant', 'Moyennant',
  'Plaignant', 'Requérant', 'Intervenant', 'Croissant', 'Diamant'];
const NOT_OPENER_EN = ['During', 'Notwithstanding', 'Nothing', 'Something', 'Anything', 'Everything',
  'Peacebuilding', 'Beijing', 'String', 'Spring', 'Morning', 'Evening', 'Wedding', 'Ceiling', 'Sterling',
  'Pending', 'Including', 'Regarding', 'Concerning', 'Following', 'According', 'Excluding', 'Training',
  'Funding', 'Financing', 'Wellbeing', 'Housing', 'Meeting'];

// Adjectival openers, listed without their first letter so that the initial
// can be a capital (paragraph start) or lower case (after an adverb).
const ADJ_STEMS_FR: ReadonlyArray<[string, string]> = [
  ['c', 'onsciente?s?'], ['c', 'onvaincue?s?'], ['r', 'ésolue?s?'], ['p', 'réoccupée?s?'],
  ['a', 'larmée?s?'], ['i', 'nquiète?s?'], ['i', 'nquiets?'], ['d', 'ésireu(?:x|ses?)'],
  ['s', 'oucieu(?:x|ses?)'], ['g', 'uidée?s?'], ['d', 'éterminée?s?'], ['s', 'atisfaite?s?'],
  ['e', 'ncouragée?s?'], ['t', 'roublée?s?'], ['a', 'ttachée?s?'], ['r', 'éunie?s?'],
  ['p', 'ersuadée?s?'], ['d', 'écidée?s?'], ['c', 'onfiante?s?'], ['i', 'ndignée?s?'],
  ['c', 'onsternée?s?'], ['c', 'hoquée?s?'], ['a', 'ttristée?s?'], ['s', 'aisie?s?'],
];
const ADV_FR = ['Vivement', 'Profondément', 'Gravement', 'Sérieusement', 'Pleinement', 'Très',
  'Extrêmement', 'Fermement', 'Résolument', 'Sincèrement'];
const ADJ_STEMS_EN: ReadonlyArray<[string, string]> = [
  ['a', 'ware'], ['m', 'indful'], ['c', 'onscious'], ['c', 'ogni[sz]ant'], ['c', 'onvinced'],
  ['c', 'oncerned'], ['d', 'etermined'], ['a', 'larmed'], ['d', 'esirous'], ['a', 'nxious'],
  ['g', 'uided'], ['e', 'ncouraged'], ['r', 'esolved'], ['c', 'onfident'], ['s', 'eized'],
  ['d', 'isturbed'], ['d', 'ismayed'], ['g', 'ratified'], ['p', 'leased'], ['s', 'atisfied'],
  ['s', 'addened'], ['s', 'hocked'], ['o', 'utraged'], ['a', 'ppalled'], ['g', 'rieved'],
  ['c', 'ommitted'], ['h', 'eartened'],
];
const ADV_EN = ['Deeply', 'Gravely', 'Seriously', 'Profoundly', 'Fully', 'Keenly', 'Strongly',
  'Firmly', 'Greatly', 'Increasingly', 'Extremely', 'Very', 'Further', 'Also'];

const upper = ([first, rest]: [string, string]): string => first.toUpperCase() + rest;
const lower = ([first, rest]: [string, string]): string => first + rest;

const ADJ_FR_UPPER = alt(ADJ_STEMS_FR.map(upper));
const ADJ_FR_LOWER = alt(ADJ_STEMS_FR.map(lower));
const ADJ_EN_UPPER = alt(ADJ_STEMS_EN.map(upper));
const ADJ_EN_LOWER = alt(ADJ_STEMS_EN.map(lower));

const MOD_FR = String.raw`(?:également|en${WS}outre|de${WS}nouveau|à${WS}nouveau|aussi|encore)`;
const AVEC_FR = String.raw`avec${WS}(?:une?${WS})?(?:(?:vive|profonde|grande|grave|sérieuse|très${WS}vive)${WS})?(?:satisfaction|préoccupation|inquiétude|intérêt|regret|appréciation|gratitude|reconnaissance|alarme|consternation)`;
const NOUN_COMPLEMENT_FR = String.raw`(?:note|acte|bonne${WS}note|compte|hommage|l['’]accent|à${WS}l['’]esprit|(?:sa|son|ses)${WS}(?:(?:profonde|vive|sincère|grande|sérieuse|grave|ferme)${WS})?(?:préoccupation|gratitude|satisfaction|reconnaissance|inquiétude|appui|soutien|regret|attachement|détermination))`;

const PARTICIPLE_FR = alt([
  String.raw`Se${WS}déclarant(?:${WS}${MOD_FR})?(?:${WS}\p{Ll}+ment)?${WS}${ADJ_FR_LOWER}`,
  String.raw`Se${WS}\p{Ll}+ant`,
  String.raw`S['’]\p{Ll}+ant`,
  String.raw`Ayant${WS}(?:à${WS}l['’]esprit|\p{Ll}+)`,
  String.raw`Compte${WS}tenu`, String.raw`Eu${WS}égard`,
  String.raw`(?!${alt(NOT_OPENER_FR)}${WORD_END})\p{Lu}\p{Ll}{2,}ant`,
  String.raw`${alt(ADV_FR)}${WS}${ADJ_FR_LOWER}`,
  ADJ_FR_UPPER,
]);
const OPENER_FR = String.raw`${PARTICIPLE_FR}(?=${WORD_END})(?:${WS}${MOD_FR})?(?:${WS}${NOUN_COMPLEMENT_FR})?(?:${WS}${MOD_FR})?(?:${WS}${AVEC_FR})?(?:${WS}${MOD_FR})?`;

const MOD_EN = String.raw`(?:also|further|once${WS}again|again)`;
const WITH_EN = String.raw`with${WS}(?:(?:deep|grave|serious|great|profound)${WS})?(?:appreciation|concern|satisfaction|regret|interest|alarm)`;
const COMPLEMENT_EN = String.raw`(?:in${WS}mind|into${WS}(?:account|consideration)|note|tribute|under${WS}Chapter${WS}[IVX]+|(?:its${WS})?(?:(?:deep|grave|serious|profound|great|sincere|continuing|strong|full)${WS})?(?:concern|appreciation|satisfaction|gratitude|alarm|regret|determination|support|commitment))`;
const PARTICIPLE_EN = alt([
  String.raw`Having${WS}\p{Ll}+`,
  String.raw`${alt(ADV_EN)}${WS}(?:\p{Ll}{3,}ing|${ADJ_EN_LOWER})`,
  String.raw`(?!${alt(NOT_OPENER_EN)}${WORD_END})\p{Lu}[\p{Ll}\-]{2,}ing`,
  ADJ_EN_UPPER,
  'Whereas',
]);
const OPENER_EN = String.raw`${PARTICIPLE_EN}(?=${WORD_END})(?:${WS}${MOD_EN})?(?:${WS}${COMPLEMENT_EN})?(?:${WS}${MOD_EN})?(?:${WS}${WITH_EN})?(?:${WS}${MOD_EN})?`;
const OPENER = `(?:${OPENER_FR}|${OPENER_EN})`;

// --- Operative verbs (rules doc §3, §6.2) -----------------------------------

const VERBS_FR = ['Accepte', 'Accueille', 'Adopte', 'Affirme', 'Appelle', 'Applaudit', 'Approuve',
  'Appuie', 'Attend', 'Autorise', 'Charge', 'Compte', 'Condamne', 'Confirme', 'Considère', 'Constate',
  'Convient', 'Décide', 'Déclare', 'Demande', 'Déplore', 'Désapprouve', 'Désigne', 'Encourage',
  'Engage', 'Entérine', 'Estime', 'Exhorte', 'Exige', 'Exprime', 'Fait', 'Félicite', 'Insiste',
  'Invite', 'Juge', 'Lance', 'Met', 'Nomme', 'Note', 'Observe', 'Préconise', 'Prend', 'Prie',
  'Proclame', 'Proroge', 'Réaffirme', 'Rappelle', 'Recommande', 'Reconnaît', 'Regrette', 'Réitère',
  'Rejette', 'Relève', 'Remercie', 'Rend', 'Renouvelle', 'Réprouve', 'Résout', 'Salue', 'Souhaite',
  'Souligne', 'Souscrit', 'Soutient', 'Suggère', 'Transmet',
  // reflexive and declaration (first person plural) forms
  String.raw`Se${WS}déclare(?:${WS}${MOD_FR})?(?:${WS}\p{Ll}+ment)?${WS}${ADJ_FR_LOWER}`,
  String.raw`Se${WS}(?:félicite|réjouit|déclare|dit|montre|prononce)`, String.raw`S['’](?:inquiète|engage|associe)`,
  'Déclarons', 'Décidons', 'Adoptons', 'Affirmons', 'Réaffirmons', 'Proclamons', 'Convenons',
  'Reconnaissons'];
const ADV_VERB_FR = String.raw`(?:instamment|vivement|énergiquement|fermement|vigoureusement|résolument|solennellement|fortement|sincèrement|chaleureusement)`;
const VERB_FR = String.raw`${alt(VERBS_FR)}(?=${WORD_END})(?:${WS}(?:${NOUN_COMPLEMENT_FR}|un${WS}appel|siennes?|l['’]attention))?(?:${WS}(?:${MOD_FR}|${ADV_VERB_FR})){0,2}(?:${WS}${AVEC_FR})?(?:${WS}${MOD_FR})?`;

const VERBS_EN = ['Accepts', 'Acknowledges', 'Adopts', 'Affirms', 'Agrees', 'Appeals', 'Applauds',
  'Appoints', 'Appreciates', 'Approves', 'Assures', 'Authori[sz]es', 'Calls', 'Commends', 'Concurs',
  'Condemns', 'Confirms', 'Congratulates', 'Considers', 'Decides', 'Declares', 'Deems', 'Demands',
  'Deplores', 'Designates', 'Determines', 'Directs', 'Draws', 'Emphasi[sz]es', 'Encourages', 'Endorses',
  'Establishes', 'Expresses', 'Extends', 'Highlights', 'Insists', 'Instructs', 'Invites', 'Looks',
  'Notes', 'Pays', 'Proclaims', 'Reaffirms', 'Recalls', 'Recogni[sz]es', 'Recommends', 'Regrets',
  'Reiterates', 'Rejects', 'Reminds', 'Renews', 'Requests', 'Requires', 'Resolves', 'Stresses',
  'Suggests', 'Supports', 'Takes', 'Thanks', 'Transmits', 'Trusts', 'Underlines', 'Underscores',
  'Urges', 'Welcomes', 'Wishes'];
const ADV_VERB_EN = String.raw`(?:Also|Further|Again|Once${WS}again|Strongly|Solemnly|Firmly|Urgently|Emphatically)`;
const COMPLEMENT_VERB_EN = String.raw`(?:note(?:${WS}${WITH_EN})?(?:${WS}of)?|upon|on|for|forward${WS}to|tribute|(?:the${WS})?attention|${WITH_EN}|its${WS}(?:(?:deep|grave|serious|profound|sincere|full|strong|continuing)${WS})?(?:appreciation|concern|gratitude|support|satisfaction|regret|thanks|determination))`;
const VERB_EN = String.raw`(?:${ADV_VERB_EN}${WS}(?:${alt(VERBS_EN.map((v) => v.toLowerCase()))}|${alt(VERBS_EN)})|${alt(VERBS_EN)})(?=${WORD_END})(?:${WS}${MOD_EN})?(?:${WS}${COMPLEMENT_VERB_EN})?(?:${WS}${MOD_EN})?`;
const VERB = `(?:${VERB_FR}|${VERB_EN})`;

// ---------------------------------------------------------------------------
// Rules

const repository: Record<string, Rule> = {};

repository['grammar-test-comment'] = match('comment.line.grammar-test', [
  String.raw`^<!--(?=[ \t]*(?:SYNTAX[ \t]+TEST\b|\^|<~*-+))(?!.*-->).*$`,
], 'vscode-tmgrammar-test lines (header and ^^^ assertions) cannot end with -->, so they stop at end of line.');

repository['control-comment'] = match('comment.block.reslint', [
  cap('punctuation.definition.comment.begin', '<!--'),
  '[ \\t]*',
  cap('keyword.control.directive.reslint',
    'reslint-(?:disable-next-line|disable-file|disable|enable)(?![\\w-])'),
  capWith(undefined, [
    match(undefined, ['(?<=\\s)--(?:\\s.*)?$'], 'text after " -- " is a free description'),
    match('variable.parameter.rule-id', ['[a-z][a-z0-9]*(?:-[a-z0-9]+)*']),
  ], '(?:(?!-->)[^\\n])*?'),
  '[ \\t]*',
  cap('punctuation.definition.comment.end', '-->'),
]);

repository['comment'] = block('comment.block',
  [cap('punctuation.definition.comment.begin', '<!--')],
  [cap('punctuation.definition.comment.end', '-->')],
  []);

repository['comments'] = { patterns: [include('grammar-test-comment'), include('control-comment'), include('comment')] };

// --- Footnotes ----------------------------------------------------------------

repository['footnote-reference'] = {
  patterns: [
    match('constant.other.reference.footnote', [SUPERSCRIPT_DIGITS]),
    match(undefined, [
      cap('punctuation.definition.footnote.begin', '<sup>'),
      cap('constant.other.reference.footnote', String.raw`\d{1,3}(?:,[ \u00A0]?\d{1,3})*`),
      cap('punctuation.definition.footnote.end', '</sup>'),
    ], 'only digits: <sup>e</sup> and <sup>er</sup> are ordinals'),
    match(undefined, [
      cap('punctuation.definition.footnote.begin', String.raw`\[\^`),
      cap('constant.other.reference.footnote', String.raw`[^\]\s]+`),
      cap('punctuation.definition.footnote.end', String.raw`\](?!:)`),
    ]),
    match('constant.other.reference.footnote', [String.raw`\\\*`], 'markdown-escaped asterisk footnote: "liste préliminaire\\*"'),
  ],
};

repository['footnote-definition'] = block('markup.footnote.definition',
  [
    '^[ \\t]{0,3}',
    nc('',
      cap('constant.other.reference.footnote', SUPERSCRIPT_DIGITS),
      '|',
      cap('punctuation.definition.footnote.begin', '<sup>'),
      cap('constant.other.reference.footnote', String.raw`\d{1,3}`),
      cap('punctuation.definition.footnote.end', '</sup>'),
      '|',
      cap('punctuation.definition.footnote.begin', String.raw`\[\^`),
      cap('constant.other.reference.footnote', String.raw`[^\]\s]+`),
      cap('punctuation.definition.footnote.end', String.raw`\]:`),
      '|',
      cap('constant.other.reference.footnote', String.raw`\\\*`),
    ),
    '(?=[ \\t])',
  ],
  [String.raw`^(?![ \t]{2,}\S)`],
  [include('inline')],
  'a line that starts with a footnote mark; English notes go on over indented lines');

// --- Dates, ordinals, symbols, quotes, emphasis -----------------------------------

repository['ordinal'] = match('constant.numeric.ordinal', [ORDINAL]);

repository['date'] = {
  patterns: [
    match('constant.other.date', [
      BEFORE_NUMBER,
      capWith(undefined, [include('ordinal')], DAY_FR),
      DATE_FR_REST,
    ]),
    match('constant.other.date', [BEFORE_NUMBER, DAY_EN, DATE_EN_REST]),
  ],
};

repository['symbol'] = {
  patterns: [
    match('markup.underline.link.symbol.document', [RES_SYMBOL]),
    match('markup.underline.link.symbol.document', [DOCUMENT_SYMBOL]),
    match('constant.other.symbol.resolution', [GA_OLD]),
    match('constant.other.symbol.resolution', [SC_RES]),
    match('constant.other.symbol.resolution', [ECOSOC_NEW]),
    match('constant.other.symbol.resolution', [GA_NEW]),
  ],
};

repository['link'] = match('meta.link.inline', [
  cap('punctuation.definition.link.begin', String.raw`\[`),
  capWith('string.other.link.title', [include('symbol'), include('date')], String.raw`(?!\^)[^\]\n]+`),
  cap('punctuation.definition.link.end', String.raw`\]`),
  cap('punctuation.definition.link.begin', String.raw`\(`),
  cap('markup.underline.link', String.raw`[^)\s]*`),
  cap('punctuation.definition.link.end', String.raw`\)`),
], 'markdown link, e.g. [46/152](#)');

repository['quoted'] = {
  patterns: [
    block('string.quoted.other.guillemets',
      [cap('punctuation.definition.string.begin', '«')],
      [cap('punctuation.definition.string.end', '»|$')],
      [include('quoted-content')]),
    block('string.quoted.double',
      [cap('punctuation.definition.string.begin', '“')],
      [cap('punctuation.definition.string.end', '”|$')],
      [include('quoted-content')]),
    block('string.quoted.double',
      [cap('punctuation.definition.string.begin', '"')],
      [cap('punctuation.definition.string.end', '"|$')],
      [include('quoted-content')]),
  ],
};
repository['quoted-content'] = {
  patterns: [include('footnote-reference'), include('date'), include('symbol'), include('quoted'), include('emphasis')],
};

const EMPHASIS_TEXT = String.raw`[^\s*](?:[^*\n]*[^\s*])?`;
repository['emphasis'] = {
  patterns: [
    match('markup.bold', [
      cap('punctuation.definition.bold', String.raw`\*\*`),
      capWith(undefined, [include('emphasis-content')], EMPHASIS_TEXT),
      cap('punctuation.definition.bold', String.raw`\*\*`),
    ]),
    match('markup.italic', [
      String.raw`(?<![\w*\\])`,
      cap('punctuation.definition.italic', String.raw`\*`),
      capWith(undefined, [include('emphasis-content')], EMPHASIS_TEXT),
      cap('punctuation.definition.italic', String.raw`\*(?!\*)`),
    ]),
  ],
};
repository['emphasis-content'] = {
  patterns: [include('footnote-reference'), include('date'), include('ordinal'), include('symbol')],
};

repository['distribution'] = match('meta.header.distribution', [
  '(?<![\\w.])',
  cap('keyword.other.distribution', String.raw`Distr\.`),
  String.raw`[ \t]*:?[ \t\u00A0]*`,
  cap('string.unquoted.distribution', '(?:générale|limitée|restreinte|General|Limited|Restricted|GENERAL|LIMITED|RESTRICTED)'),
  WORD_END,
]);

repository['agenda-item'] = match('meta.header.agenda-item', [
  '(?<![\\w])',
  cap('keyword.other.agenda-item', alt([
    String.raw`Points?${WS}\d{1,3}(?:${WS}[a-z]\))?(?:${WS}(?:et|à)${WS}\d{1,3}(?:${WS}[a-z]\))?)?${WS}de${WS}(?:l['’]ordre${WS}du${WS}jour(?:${WS}provisoire)?|la${WS}liste${WS}préliminaire)`,
    String.raw`Agenda${WS}items?${WS}\d{1,3}(?:${WS}\([a-z]{1,2}\))?(?:${WS}(?:and|to)${WS}\d{1,3}(?:${WS}\([a-z]{1,2}\))?)?`,
    String.raw`Items?${WS}\d{1,3}(?:${WS}\([a-z]{1,2}\))?${WS}of${WS}the${WS}(?:provisional|preliminary)${WS}(?:agenda|list)`,
  ])),
], 'capitalised, so "au titre du point 107 de l\'ordre du jour" in running text is left alone');

repository['inline'] = {
  patterns: [
    include('comments'),
    include('date'),
    include('ordinal'),
    include('footnote-reference'),
    include('link'),
    include('distribution'),
    include('symbol'),
    include('quoted'),
    include('emphasis'),
  ],
};

// --- Header block (masthead, session, agenda item, adoption, origin) ----------

repository['masthead'] = match('meta.header.masthead', [
  LS, '\\**',
  cap('keyword.other.masthead', MASTHEAD),
  '\\**',
  String.raw`(?=[ \t]*$|[ \t]+(?:Distr\.|[A-Z]{1,8}/))`,
]);

repository['session'] = match('meta.header.session', [
  LS, '\\**',
  cap('keyword.other.session', alt([
    String.raw`\p{Lu}[\p{Ll}\-]*(?:ième|ieth|th|st|nd|rd)${WS}(?:(?:special|emergency${WS}special|resumed)${WS})?session(?:${WS}extraordinaire(?:${WS}d['’]urgence)?)?`,
    String.raw`Session${WS}(?:de${WS})?(?:19|20)\d{2}`,
    String.raw`(?:19|20)\d{2}${WS}session`,
  ])),
  WORD_END,
]);

repository['adoption-line'] = block('meta.header.adoption',
  [
    LS, '\\**',
    cap('keyword.other.adoption', alt([
      String.raw`(?:Résolution|Décision)${WS}adoptée${WS}par`,
      String.raw`(?:Resolution|Decision)${WS}adopted${WS}by`,
      String.raw`(?:RESOLUTION|DECISION)${WS}ADOPTED${WS}BY`,
      String.raw`Adopté(?:e)?${WS}par`,
      String.raw`Adopted${WS}(?:by|at)`,
    ])),
    WORD_END,
  ],
  ['$'],
  [include('inline')]);

repository['origin-line'] = block('meta.header.origin',
  [LS, cap('punctuation.definition.origin.begin', String.raw`\[`),
    String.raw`(?=(?:sur|sans|on|without)\b|[A-Z]{1,8}/\d)`],
  [cap('punctuation.definition.origin.end', String.raw`\]|$`)],
  [
    match('keyword.other.origin', [String.raw`\G(?:sur${WS}la${WS}base${WS}du${WS}rapport|sur${WS}(?:la${WS})?recommandation|sans${WS}renvoi|on${WS}the${WS}report|on${WS}the${WS}recommendation|without${WS}reference)`]),
    include('inline'),
  ],
  'origin of an adopted text: [sur la base du rapport …] / [on the report …]');

repository['language-line'] = {
  patterns: [
    match('meta.header.language', [
      LS, cap('keyword.other.language', 'Original'), String.raw`[ \t\u00A0]*:[ \t]*`,
      cap('string.unquoted.language', String.raw`\p{L}+`),
    ]),
    match('meta.header.language', [
      LS, cap('keyword.other.language', '(?:Français|English|Anglais|Espagnol|Español|Russe|Arabe|Chinois)'), EOL,
    ]),
  ],
};

repository['sponsors-line'] = match('meta.header.sponsors', [
  LS, String.raw`[^:\n]{2,80}?[ \u00A0]?:\*{0,2}[ \t]+`,
  cap('keyword.other.sponsors', String.raw`(?:revised${WS})?draft${WS}resolution|projet${WS}de${WS}résolution(?:${WS}révisé)?`),
  EOL,
], 'draft masthead: "South Africa: draft resolution"');

repository['date-line'] = match('meta.header.date', [
  '^\\**',
  capWith(undefined, [include('date')], DATE_ANY),
  '\\**', EOL,
], 'a date alone on a line (masthead issue date)');

// --- Title, organ, headings ----------------------------------------------------------

repository['title-line'] = match('meta.title', [
  LS, '\\**',
  cap('constant.numeric.symbol', TITLE_SYMBOL),
  cap('punctuation.separator.title', String.raw`\.`),
  '[ \\t]+',
  capWith('entity.name.section.title', [include('footnote-reference'), include('quoted'), include('date')], String.raw`[^\s*](?:[^*\n]*[^\s*])?`),
  '\\**', EOL,
], '"78/229. Renforcement …", "2021/20. …", "82 (1950). Resolution of 25 June 1950"');

repository['old-security-council-title'] = match('meta.title', [
  LS,
  cap('constant.numeric.symbol', String.raw`\d{1,4}${SP}\((?:19|20)\d{2}\)`),
  String.raw`\.?[ \t]+`,
  capWith('entity.name.section.title', [include('date')], String.raw`(?:Resolution|Résolution)\b[^\n]*?`),
  EOL,
], '"1 (1946) Resolution of 25 January 1946"');

const RESOLUTION_NUMBER_LINE: Part[] = [
  LS, '\\**',
  cap('entity.name.section.title',
    '(?:Résolution|Resolution|RESOLUTION|RÉSOLUTION)', '[ \\t]+',
    cap('constant.numeric.symbol', TITLE_SYMBOL)),
  '\\**',
];

repository['resolution-number-single'] = match('meta.title', [...RESOLUTION_NUMBER_LINE, EOL]);

repository['resolution-number-block'] = block('meta.title',
  [...RESOLUTION_NUMBER_LINE, EOL],
  [String.raw`(?!\G)(?<=\S)$|^(?=[^\n]*,\**[ \t]*$|[ \t]*\**(?:of|du|en${WS}date${WS}du|Adopted|Adoptée?|ADOPTED)\b|[ \t]*\**(?:${QUOTE_OPEN})?${ORGAN}\**[ \t]*$|[ \t]*[#<\[])`],
  [match(undefined, [
    '^[ \\t]*',
    capWith('entity.name.section.title', [include('footnote-reference'), include('quoted')], String.raw`\S[^\n]*?`),
    EOL,
  ])],
  '"Résolution 6/1" (COP, SC): the title, if any, is the next non-blank line; SC texts go on with "of …"/"Adopted by …".');

repository['organ-line'] = {
  patterns: [
    match('markup.italic', [
      '^', cap('punctuation.definition.italic', String.raw`\*`),
      `(?:${QUOTE_OPEN})?`,
      cap('entity.name.type.organ', ORGAN),
      optCap('punctuation.separator.organ', ','),
      cap('punctuation.definition.italic', String.raw`\*`),
      optCap('punctuation.separator.organ', ','), EOL,
    ]),
    match(undefined, [
      '^', `(?:${QUOTE_OPEN})?`,
      cap('entity.name.type.organ', ORGAN),
      optCap('punctuation.separator.organ', ','), EOL,
    ]),
  ],
};

repository['annex-heading'] = match('markup.heading.annex', [
  LS, '\\**',
  String.raw`(?:ANNEXE?|Annexe?)(?:[ \t]+(?:[IVXLC]+|\d{1,2}|[A-Z]))?`,
  '\\**', EOL,
]);

repository['section-heading'] = {
  patterns: [
    match('markup.heading.section', [
      LS, '\\**', String.raw`(?:[IVXLC]+|[A-Z])\.(?:[ \t]+[^\n]*?)?`, '\\**', EOL,
    ], '"I. Introduction", "A. Introduction : questions stratégiques", "II."'),
    match('markup.heading.section', [
      LS, '\\**',
      String.raw`(?:Part|Partie|Chapter|Chapitre|Section|Article|ARTICLE)[ \t]+(?:[IVXLC]+|\d{1,3}|premier)(?:[.:]?[ \t]+[^.;,\n]*[^.;,\s*])?`,
      '\\**', EOL,
    ]),
    match('markup.heading.section', [LS, '\\**', '(?:Préambule|Preamble|PREAMBLE|PRÉAMBULE)', '\\**', EOL]),
  ],
};

repository['emphasis-heading'] = {
  comment: 'a whole line in bold or italics without final punctuation is a heading',
  patterns: [
    match('markup.heading.section', [
      '^',
      cap('markup.bold',
        cap('punctuation.definition.bold', String.raw`\*\*`),
        capWith(undefined, [include('inline')], String.raw`[^\s*](?:[^*\n]*[^\s*,;:.])?`),
        cap('punctuation.definition.bold', String.raw`\*\*`)),
      EOL,
    ]),
    match('markup.heading.section', [
      '^',
      cap('markup.italic',
        cap('punctuation.definition.italic', String.raw`\*(?!\*)`),
        capWith(undefined, [include('inline')], String.raw`[^\s*](?:[^*\n]*[^\s*,;:.])?`),
        cap('punctuation.definition.italic', String.raw`\*`)),
      EOL,
    ]),
  ],
};

repository['markdown-heading'] = block('markup.heading',
  [cap('punctuation.definition.heading', '^#{1,6}'), '[ \\t]+'],
  ['$'],
  [
    include('masthead'), include('session'), include('adoption-line'), include('origin-line'),
    include('title-line'), include('resolution-number-single'), include('annex-heading'),
    include('agenda-item'), include('inline'),
  ]);

// --- Paragraphs ---------------------------------------------------------------

repository['meeting-line'] = block('meta.meeting',
  [
    LS,
    optCap('punctuation.definition.italic', String.raw`\*{1,2}`),
    cap('constant.numeric.ordinal', String.raw`\d{1,4}(?:\^\{?e\}?|<sup>e</sup>|e|st|nd|rd|th)`),
    nc('?', `${WS}(?:et|and)${WS}`,
      cap('constant.numeric.ordinal', String.raw`\d{1,4}(?:\^\{?e\}?|<sup>e</sup>|e|st|nd|rd|th)`)),
    WS,
    cap('keyword.other.meeting', String.raw`séances?${WS}plénières?|plenary${WS}meetings?`),
    WORD_END,
  ],
  [String.raw`^(?![ \t]*\**[ \t]*${DATE_ANY})`],
  [include('date'), match('punctuation.definition.italic', [String.raw`\*{1,2}`])],
  'closing formula: meeting line, and the date on the next line if there is one');

repository['operative-paragraph'] = match('meta.paragraph.numbered', [
  '^', `(?:${QUOTE_OPEN})?`,
  cap('constant.numeric.paragraph', String.raw`\d{1,3}(?:[ \t]+(?:bis|ter|quater))?`),
  cap('punctuation.separator.paragraph', String.raw`\.`),
  nc('?', '[ \\t]+', nc('',
    cap('markup.italic',
      cap('punctuation.definition.italic', String.raw`\*`),
      cap('support.function.operative', String.raw`[^\s*][^*\n]*?`),
      cap('punctuation.definition.italic', String.raw`\*`)),
    '|',
    cap('support.function.operative', VERB, WORD_END),
  )),
  '(?=[ \\t,;:.]|$)',
], 'italic text after the number is the verb as the drafter marked it; plain text needs a known verb');

repository['subparagraph'] = match(undefined, [
  '^[ \\t]*', `(?:${QUOTE_OPEN})?`,
  cap('constant.character.subparagraph', String.raw`(?:\((?:[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)|(?:[a-z]{1,2}|[ivx]{1,5})\)|(?:[a-z]|[ivx]{2,5})\.)`),
  '(?=[ \\t])',
], 'EN (a) (ii), FR a) ii), third and fourth degree a. i.');

repository['preamble'] = {
  patterns: [
    match(undefined, [
      '^', `(?:${QUOTE_OPEN})?`,
      cap('markup.italic',
        cap('punctuation.definition.italic', String.raw`\*`),
        cap('entity.name.function.preamble', `(?=${OPENER}(?![\\p{L}\\p{M}]))`, String.raw`[^*\n]+`),
        cap('punctuation.definition.italic', String.raw`\*`)),
    ], 'italic opener: the italic span is the opener'),
    match(undefined, [
      '^', `(?:${QUOTE_OPEN})?`,
      cap('entity.name.function.preamble', OPENER),
      WORD_END,
    ]),
  ],
};

repository['operative-unnumbered'] = match(undefined, [
  '^', `(?:${QUOTE_OPEN})?`,
  cap('markup.italic',
    cap('punctuation.definition.italic', String.raw`\*`),
    cap('support.function.operative', `(?=${VERB}(?![\\p{L}\\p{M}]))`, String.raw`[^*\n]+`),
    cap('punctuation.definition.italic', String.raw`\*`)),
  '(?=[ \\t]+\\S)',
], 'single unnumbered operative paragraph: "*Recommande* à l\'Assemblée générale …"');

export function buildGrammar(): Record<string, unknown> {
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'UN Resolution',
    scopeName: 'text.un-resolution',
    comment: `Generated by scripts/build-grammar.ts; do not edit by hand.`,
    fileTypes: ['resolution', 'resolution.md', 'resolution.txt'],
    patterns: [
      include('comments'),
      include('markdown-heading'),
      include('footnote-definition'),
      include('meeting-line'),
      include('masthead'),
      include('session'),
      include('agenda-item'),
      include('adoption-line'),
      include('origin-line'),
      include('language-line'),
      include('sponsors-line'),
      include('date-line'),
      include('title-line'),
      include('old-security-council-title'),
      include('resolution-number-block'),
      include('organ-line'),
      include('annex-heading'),
      include('section-heading'),
      include('emphasis-heading'),
      include('operative-paragraph'),
      include('subparagraph'),
      include('preamble'),
      include('operative-unnumbered'),
      include('inline'),
    ],
    repository,
  };
}

export function grammarJson(): string {
  return `${JSON.stringify(buildGrammar(), null, 2)}\n`;
}

if (process.argv[1] && /build-grammar\.ts$/.test(process.argv[1])) {
  const target = resolve(process.cwd(), GRAMMAR_FILE);
  writeFileSync(target, grammarJson());
  console.log(`wrote ${GRAMMAR_FILE}`);
}
