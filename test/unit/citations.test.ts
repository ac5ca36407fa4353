// Citations of resolutions, decisions and documents: what is recognised in the real texts (seeds,
// English corpus), what must never be taken for a citation, the forms of dates and UTF-16 ranges.
// (Speed is measured by npm run bench, not asserted here.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findCitations, parseDate, type Citation } from '../../server/src/core/citations/citations';
import { findSymbols } from '../../server/src/core/citations/symbols';
import { parse } from '../../server/src/core/model/parse';
import type { ResolutionDocument } from '../../server/src/core/model/types';
import { read, ROOT, SEEDS } from '../helpers';

const seed = (n: string) => parse(read(SEEDS.find((f) => path.basename(f).startsWith(n))!));
const corpus = (name: string) => parse(readFileSync(path.join(ROOT, 'test', 'corpus', 'en', name), 'utf8'));
const GA = (body: string) => parse(`L'Assemblée générale,\n\n${body}`);

/** The text a range covers in the document. */
function slice(doc: ResolutionDocument, r: Citation['range']): string {
  if (r.start.line === r.end.line) return doc.lines[r.start.line].slice(r.start.character, r.end.character);
  const parts = [doc.lines[r.start.line].slice(r.start.character)];
  for (let l = r.start.line + 1; l < r.end.line; l++) parts.push(doc.lines[l]);
  parts.push(doc.lines[r.end.line].slice(0, r.end.character));
  return parts.join('\n');
}

const GA_ORGAN = { id: 'general-assembly', body: 'A', source: 'own' as const };

describe('citations: seed 000 (GA resolution 78/229)', () => {
  const doc = seed('000');
  const cites = findCitations(doc);
  const find = (symbol: string) => cites.filter((c) => c.symbol === symbol);

  it('73/185 with its date and title, linked to undocs.org in French', () => {
    const [c] = find('A/RES/73/185');
    assert.equal(c.kind, 'ga-resolution');
    assert.equal(c.date?.iso, '2018-12-17');
    assert.match(c.title!.text, /^État de droit, prévention du crime et justice pénale/);
    assert.equal(slice(doc, c.title!.range), c.title!.text);
    assert.equal(c.organ?.id, 'general-assembly');
    assert.equal(c.organ?.source, 'own');
    assert.equal(c.link, 'https://undocs.org/fr/A/RES/73/185');
    assert.equal(slice(doc, c.symbolRange), '73/185');
    assert.match(slice(doc, c.range), /^sa résolution \[73\/185\]\(#\) du 17 décembre 2018 intitulée « État de droit, .* durable »$/);
    assert.equal(c.inFootnote, false);
    assert.equal(c.paragraph.kind, 'preamble');
  });

  it('78/223 dated 19 December 2023', () => {
    const [c] = find('A/RES/78/223');
    assert.equal(c.date?.iso, '2023-12-19');
    assert.equal(c.title, undefined);
  });

  it('the list of the first preambular paragraph, one date covering « 69/193 et 69/196 »', () => {
    const first = doc.parts[0].preamble[0];
    const list = cites.filter((c) => c.paragraph === first);
    assert.deepEqual(list.map((c) => c.text), ['46/152', '60/1', '67/1', '69/193', '69/196', '70/178', '70/182', '71/209', '72/196', '73/186', '74/177', '75/196', '76/187', '77/237']);
    assert.ok(list.every((c) => c.kind === 'ga-resolution' && c.organ?.id === 'general-assembly'));
    const date = (s: string) => list.find((c) => c.text === s)!.date;
    assert.equal(date('46/152')?.iso, '1991-12-18');
    assert.equal(date('69/193')?.iso, '2014-12-18');
    assert.equal(date('69/193')?.shared, true);
    assert.equal(date('69/196')?.iso, '2014-12-18');
    assert.equal(date('69/196')?.shared, undefined);
    assert.equal(date('70/178')?.iso, '2015-12-17');
    assert.equal(date('77/237')?.iso, '2022-12-15');
    // The first of the list reaches back to « ses résolutions »; the others cover their link.
    assert.equal(slice(doc, list[0].range), 'ses résolutions [46/152](#) du 18 décembre 1991');
    assert.equal(slice(doc, list[3].range), '[69/193](#)');
  });

  it('a date stated for a later number of another session is not shared (« 68/186 du …, 69/196, 73/130 du 13 décembre 2018 »)', () => {
    const c = cites.find((x) => x.text === '69/196' && x.paragraph.text.includes('68/186 du 18 décembre 2013'))!;
    assert.equal(c.date, undefined);
  });

  it('25/2 belongs to the Commission on Crime Prevention and Criminal Justice, not to the Assembly', () => {
    const [c] = find('CCPCJ/RES/25/2');
    assert.equal(c.kind, 'body-resolution');
    assert.equal(c.organ?.id, 'commission');
    assert.equal(c.organ?.body, 'CCPCJ');
    assert.equal(c.organ?.source, 'named');
    assert.equal(c.date?.iso, '2016-05-27');
    assert.equal(c.link, undefined);
    assert.equal(find('A/RES/25/2').length, 0);
  });

  it('other bodies: COP and COSP resolutions, with the organ stated after a list, and a decision of the Statistical Commission', () => {
    const cop = cites.filter((c) => c.paragraph.text.includes('résolutions 10/6 du 16 octobre 2020'));
    const six = cop.find((c) => c.text === '10/6')!, three = cop.find((c) => c.text === '11/3')!;
    assert.equal(six.symbol, 'CTOC/COP/RES/10/6');
    assert.equal(six.date?.iso, '2020-10-16');
    assert.equal(three.symbol, 'CTOC/COP/RES/11/3');
    assert.equal(three.date?.iso, '2022-10-21');
    assert.equal(find('CAC/COSP/RES/9/8')[0].organ?.body, 'CAC/COSP');
    assert.match(find('CAC/COSP/RES/9/8')[0].title!.text, /^Promouvoir l'éducation/);
    assert.equal(find('CTOC/COP/RES/10/4')[0].date?.iso, '2020-10-16');
    assert.equal(find('CND/RES/65/2').length, 2);
    const dec = find('STATCOM/DEC/53/113')[0];
    assert.equal(dec.kind, 'body-decision');
    assert.equal(dec.date?.iso, '2022-03-11');
    // « la résolution 31/1 de la Commission »: the commission named in full earlier in the paragraph.
    assert.equal(find('CCPCJ/RES/31/1').length, 2);
  });

  it('ECOSOC resolutions named before their numbers and the Security Council resolution read from its form', () => {
    const eco = cites.filter((c) => c.kind === 'ecosoc-resolution').map((c) => c.symbol);
    assert.ok(['E/RES/2014/23', 'E/RES/2015/23', 'E/RES/2017/18', 'E/RES/2021/25', 'E/RES/2016/18', 'E/RES/2019/19', 'E/RES/2019/20'].every((s) => eco.includes(s)));
    assert.equal(find('E/RES/2019/19')[0].date?.iso, '2019-07-23');
    const [sc] = find('S/RES/1373 (2001)');
    assert.equal(sc.kind, 'sc-resolution');
    assert.equal(sc.organ?.id, 'security-council');
    assert.equal(sc.link, 'https://undocs.org/fr/S/RES/1373(2001)');
  });

  it('footnotes: numbers after « Résolution », symbols anywhere, with their footnote number', () => {
    const fn = (n: number) => cites.filter((c) => c.footnote === n).map((c) => c.symbol);
    assert.deepEqual(fn(6), ['A/CONF.234/16']);
    assert.deepEqual(fn(9), ['CAC/COSP/2021/17']);
    assert.deepEqual(fn(10), ['E/2016/30']);
    assert.deepEqual(fn(15), ['A/RES/S-32/1']);
    assert.deepEqual(fn(20), ['A/RES/60/288']);
    assert.deepEqual(fn(24), ['A/RES/68/191', 'A/RES/70/176']);
    assert.deepEqual(fn(25), ['E/2022/24']);
    assert.deepEqual(fn(35), ['CTOC/COP/2022/9']);
    assert.deepEqual(fn(48), ['A/78/264']);
    const conf = cites.find((c) => c.footnote === 6)!;
    assert.equal(conf.kind, 'document');
    assert.equal(conf.inFootnote, true);
    assert.equal(conf.link, 'https://undocs.org/fr/A/CONF.234/16');
    assert.equal(slice(doc, conf.symbolRange), 'A/CONF.234/16');
    // Treaty Series references (vol. 2225, n° 39574) give nothing.
    assert.deepEqual(fn(1), []);
    assert.deepEqual(fn(14), []);
  });

  it('header lines: the report the resolution is based on, not the resolution itself', () => {
    const header = cites.filter((c) => c.inHeader);
    assert.deepEqual(header.map((c) => c.symbol), ['A/78/482']);
    assert.equal(find('A/RES/78/229').length, 0);
  });

  it('89 distinct General Assembly resolutions are cited', () => {
    // Checked by hand against the text: every « n/m » of the seed (110 distinct, grep) minus the 19
    // resolutions and the decision of other bodies (COP, COSP, CCPCJ, CND, Statistical Commission)
    // and minus 78/229, the resolution's own number.
    const ga = new Set(cites.filter((c) => c.kind === 'ga-resolution').map((c) => c.symbol));
    assert.equal(ga.size, 89);
    for (const s of ['A/RES/34/169', 'A/RES/58/4', 'A/RES/71/291', 'A/RES/72/305', 'A/RES/S-30/1', 'A/RES/S-32/1', 'A/RES/78/227']) assert.ok(ga.has(s), s);
    assert.equal(cites.length, 170);
  });
});

describe('citations: other seeds', () => {
  it('seed 001 (ECOSOC, nested GA draft): 155 C (VII) to ECOSOC, 415 (V) and the decisions 74/550 A and B to the Assembly', () => {
    const doc = seed('001');
    const cites = findCitations(doc);
    const c = (s: string) => cites.find((x) => x.symbol === s)!;
    assert.equal(c('E/RES/155 C (VII)').kind, 'ecosoc-resolution');
    assert.equal(c('E/RES/155 C (VII)').organ?.source, 'named');
    assert.equal(c('E/RES/155 C (VII)').date?.iso, '1948-08-13');
    assert.deepEqual(c('E/RES/155 C (VII)').parts, { number: '155', session: 'VII', letters: ['C'] });
    assert.equal(c('A/RES/415 (V)').organ?.source, 'own'); // « sa propre résolution », in the GA draft
    assert.equal(c('A/RES/415 (V)').date?.iso, '1950-12-01'); // « 1<sup>er</sup> décembre 1950 »
    assert.equal(c('A/RES/415 (V)').date?.formIssue, undefined);
    const dec = c('A/DEC/74/550 A');
    assert.equal(dec.kind, 'ga-decision');
    assert.equal(dec.date?.iso, '2020-04-13');
    assert.equal(dec.link, undefined);
    assert.equal(c('A/DEC/74/550 B').date?.iso, '2020-08-12');
    assert.equal(c('A/RES/57/270 B').link, 'https://undocs.org/fr/A/RES/57/270B');
    assert.deepEqual(cites.filter((x) => x.footnote === 12).map((x) => x.symbol), ['A/RES/S-23/2', 'A/RES/S-23/3']);
    assert.equal(c('E/RES/2021/20'), undefined); // the resolution's own number
  });

  it('seed 002: a date stated once for a comma list of the same year, and « en date des 25 et 26 juillet 2007 »', () => {
    const cites = findCitations(seed('002'));
    const date = (s: string) => cites.find((x) => x.symbol === s)?.date?.iso;
    for (const s of ['E/RES/2011/33', 'E/RES/2011/34', 'E/RES/2011/35', 'E/RES/2011/36']) assert.equal(date(s), '2011-07-28', s);
    assert.equal(date('A/RES/65/190'), '2010-12-21');
    assert.equal(date('E/RES/2007/12'), '2007-07-25');
    assert.equal(date('E/RES/2007/19'), '2007-07-26');
  });

  it('seed 003 (report): joint symbols stay whole', () => {
    const c = findCitations(seed('003')).find((x) => x.symbol === 'A/78/80-E/2023/64')!;
    assert.equal(c.kind, 'document');
    assert.equal(c.footnote, 1);
    assert.equal(c.link, 'https://undocs.org/fr/A/78/80');
  });

  it('seed 004 (Conference of the Parties): « sa résolution 5/1 » is the Conference\'s own', () => {
    const c = findCitations(seed('004')).filter((x) => x.symbol === 'CTOC/COP/RES/5/1');
    assert.equal(c.length, 2);
    assert.equal(c[0].organ?.source, 'own');
    assert.equal(c[0].date?.iso, '2010-10-22');
    assert.match(c[0].title!.text, /^Assurer la bonne application/);
    assert.equal(c[1].date?.iso, '2010-10-22'); // « ses résolutions 5/1 et 5/8 en date du 22 octobre 2010 »
    assert.equal(c[1].date?.shared, true);
  });
});

describe('citations: English corpus', () => {
  it('S/RES/678 (1990): "resolution 660 (1990)" is a Security Council resolution, lists wrapped over lines keep their dates', () => {
    const doc = corpus('S-RES-678(1990).txt');
    const cites = findCitations(doc);
    const bare = cites.find((c) => c.text === '660 (1990)' && c.range.start.line === 16)!;
    assert.equal(bare.kind, 'sc-resolution');
    assert.equal(bare.symbol, 'S/RES/660 (1990)');
    assert.equal(bare.organ?.id, 'security-council');
    assert.equal(bare.link, 'https://undocs.org/en/S/RES/660(1990)');
    const own = cites.filter((c) => c.paragraph === doc.parts[0].preamble[0]);
    assert.equal(own.length, 11);
    assert.ok(own.every((c) => c.organ?.source === 'own' && c.date));
    // "665\n(1990) of 25 August 1990": one citation over two lines.
    const wrapped = own.find((c) => c.symbol === 'S/RES/665 (1990)')!;
    assert.equal(wrapped.date?.iso, '1990-08-25');
    assert.equal(wrapped.symbolRange.start.line + 1, wrapped.symbolRange.end.line);
    assert.equal(slice(doc, wrapped.symbolRange), '665\n(1990)');
    // "resolution 660\n(1990)" in paragraph 1.
    assert.ok(cites.some((c) => c.symbol === 'S/RES/660 (1990)' && c.symbolRange.start.line !== c.symbolRange.end.line && c.paragraph.kind === 'operative'));
  });

  it('A/RES/80/4: "its resolutions 47/19 of 24 November 1992, …" are General Assembly resolutions, and "its decision 76/563"', () => {
    const cites = findCitations(corpus('A-RES-80-4.txt'));
    const first = cites.find((c) => c.symbol === 'A/RES/47/19')!;
    assert.equal(first.kind, 'ga-resolution');
    assert.equal(first.organ?.id, 'general-assembly');
    assert.equal(first.date?.iso, '1992-11-24');
    assert.equal(first.link, 'https://undocs.org/en/A/RES/47/19');
    // "51/17 of 12 November" … page break … "1996": the date is read across the break.
    assert.equal(cites.find((c) => c.symbol === 'A/RES/51/17')!.date?.iso, '1996-11-12');
    assert.equal(cites.find((c) => c.symbol === 'A/DEC/76/563')!.date?.iso, '2022-05-11');
    assert.equal(new Set(cites.filter((c) => c.kind === 'ga-resolution').map((c) => c.symbol)).size, 32);
  });

  it('other English forms: old sessions, Security Council named, "Assembly resolution"/"Council resolution", letters', () => {
    const r10 = findCitations(corpus('A-RES-80-10.txt'));
    assert.ok(r10.some((c) => c.symbol === 'A/RES/2200 A (XXI)' && c.inFootnote));
    assert.ok(r10.some((c) => c.symbol === 'A/RES/217 A (III)'));
    assert.equal(r10.find((c) => c.symbol === 'E/RES/1980/67')!.organ?.source, 'named');
    const r11 = findCitations(corpus('A-RES-80-11.txt'));
    assert.equal(r11.find((c) => c.symbol === 'S/RES/1325 (2000)')!.organ?.source, 'named');
    assert.equal(r11.find((c) => c.symbol === 'A/RES/65/7')!.organ?.source, 'named');
    assert.equal(r11.find((c) => c.symbol === 'S/RES/1947 (2010)')!.kind, 'sc-resolution');
    const r24 = findCitations(corpus('A-RES-80-24.txt'));
    assert.equal(r24.find((c) => c.symbol === 'A/RES/50/70 P')!.date?.iso, '1995-12-12');
    assert.equal(r24.find((c) => c.symbol === 'A/DEC/52/492')!.organ?.source, 'named'); // "the General Assembly, in its decision"
    // The Security Council's running header repeats its own symbol: not a citation.
    assert.ok(!findCitations(corpus('S-RES-1445(2002).txt')).some((c) => c.symbol === 'S/RES/1445 (2002)'));
  });
});

describe('citations: what is not a citation', () => {
  it('volumes, Treaty Series numbers, bienniums, ordinals, paragraph numbers, dates give nothing', () => {
    const ctx = { lang: 'fr' as const, own: GA_ORGAN };
    for (const line of [
      '¹ Nations Unies, *Recueil des Traités*, vol. 2225, 2237, 2241 et 2326, n° 39574.',
      'United Nations, Treaty Series, vol. 2225, No. 39574.',
      "l'exercice biennal 2022-2023<sup>5</sup>, le 1<sup>er</sup> décembre 2022, la 13<sup>e</sup> séance, 117^e et 1^{er}",
      'au paragraphe 5, aux paragraphes 12 et 13, le 15/12/2022, 3/4 des membres, en 2015',
      'chap. I, résolution 1, annexes I et II (numéro de vente : F.96.IV.13)',
      'la décision de choisir, les résolutions pertinentes, HIV/AIDS, COVID-19, km/h',
    ]) assert.deepEqual(findSymbols(line, 0, ctx).map((s) => s.text), [], line);
    const doc = GA('Rappelant le paragraphe 5 de sa résolution 67/221, adoptée le 1<sup>er</sup> décembre 2012 pour l\'exercice 2022-2023, vol. 2225,');
    assert.deepEqual(findCitations(doc).map((c) => c.symbol), ['A/RES/67/221']);
  });
});

describe('citations: dates', () => {
  it('parseDate reads French and English dates and reports their form', () => {
    assert.deepEqual([parseDate('18 décembre 1991')?.iso, parseDate('18 décembre 1991')?.formIssue], ['1991-12-18', undefined]);
    assert.equal(parseDate('1er octobre 2020')?.formIssue, undefined);
    assert.equal(parseDate('1<sup>er</sup> décembre 1950')?.iso, '1950-12-01');
    assert.equal(parseDate('24 November 1992')?.iso, '1992-11-24');
    assert.equal(parseDate('24 November 1992')?.lang, 'en');
    const issue = (s: string) => [parseDate(s)?.iso, parseDate(s)?.formIssue];
    assert.deepEqual(issue('15 Décembre 2022'), ['2022-12-15', 'capital-month']);
    assert.deepEqual(issue('1 octobre 2020'), ['2020-10-01', 'first-day-not-1er']);
    assert.deepEqual(issue('December 15, 2022'), ['2022-12-15', 'us-order']);
    assert.deepEqual(issue('01 octobre 2020'), ['2020-10-01', 'leading-zero']);
    assert.deepEqual(issue('1st December 2022'), ['2022-12-01', 'ordinal-suffix']);
    assert.deepEqual(issue('15 december 2022'), ['2022-12-15', 'lowercase-month']);
    assert.deepEqual(issue('31 février 2020'), [undefined, 'invalid-date']);
    assert.equal(parseDate('2022-2023'), undefined);
    assert.equal(parseDate('vol. 2225'), undefined);
  });

  it('a citation keeps the date as written, with its form issue, for a rule to report', () => {
    const doc = GA('Rappelant sa résolution 77/237 du 15 Décembre 2022 et sa résolution 76/187 du 1 octobre 2021,\n\n1. *Rappelle* sa résolution 75/196 of December 16, 2020 ;');
    const cites = findCitations(doc);
    assert.deepEqual(cites.map((c) => [c.symbol, c.date?.iso, c.date?.formIssue, c.date && slice(doc, c.date.range)]), [
      ['A/RES/77/237', '2022-12-15', 'capital-month', '15 Décembre 2022'],
      ['A/RES/76/187', '2021-10-01', 'first-day-not-1er', '1 octobre 2021'],
      ['A/RES/75/196', '2020-12-16', 'us-order', 'December 16, 2020'],
    ]);
  });
});

describe('citations: symbols and keys', () => {
  it('canonical keys for symbols written in full and for letters', () => {
    const line = 'S/RES/1373(2001), A/RES/217 A (III), A/RES/31/16 A, E/RES/2021/20, A/HRC/RES/56/8, A/RES/ES-10/19, A/61/L.45 and Add.1, résolutions 3411 A et B (XXX), décisions 31/406 A à E';
    const s = findSymbols(line, 3, { lang: 'en', own: GA_ORGAN });
    assert.deepEqual(s.map((x) => [x.symbol, x.kind]), [
      ['S/RES/1373 (2001)', 'sc-resolution'],
      ['A/RES/217 A (III)', 'ga-resolution'],
      ['A/RES/31/16 A', 'ga-resolution'],
      ['E/RES/2021/20', 'ecosoc-resolution'],
      ['A/HRC/RES/56/8', 'body-resolution'],
      ['A/RES/ES-10/19', 'ga-resolution'],
      ['A/61/L.45', 'document'],
      ['A/61/L.45/Add.1', 'document'],
      ['A/RES/3411 (XXX)', 'ga-resolution'],
      ['A/DEC/31/406', 'ga-decision'],
    ]);
    assert.deepEqual(s.map((x) => x.link), [
      'https://undocs.org/en/S/RES/1373(2001)', 'https://undocs.org/en/A/RES/217(III)', 'https://undocs.org/en/A/RES/31/16A',
      'https://undocs.org/en/E/RES/2021/20', 'https://undocs.org/en/A/HRC/RES/56/8', 'https://undocs.org/en/A/RES/ES-10/19',
      'https://undocs.org/en/A/61/L.45', 'https://undocs.org/en/A/61/L.45/Add.1', 'https://undocs.org/en/A/RES/3411(XXX)', undefined,
    ]);
    assert.deepEqual(s[8].parts.letters, ['A', 'B']);
    assert.deepEqual(s[9].parts.letters, ['A', 'B', 'C', 'D', 'E']);
    assert.deepEqual(s[0].range, { line: 3, start: 0, end: 16 });
  });

  it('a session number below 31 with no organ is not taken for the Assembly\'s', () => {
    const c = findCitations(GA('Rappelant les résolutions 9/2 et 9/3,'));
    assert.deepEqual(c.map((x) => [x.symbol, x.kind, x.organ?.id]), [['UNKNOWN/RES/9/2', 'body-resolution', 'unknown'], ['UNKNOWN/RES/9/3', 'body-resolution', 'unknown']]);
  });
});

describe('citations: ranges', () => {
  it('UTF-16 columns (astral characters count twice), 0-based lines', () => {
    const text = 'Rappelant 𝒜𝒜 sa résolution 46/152 du 18 décembre 1991 et (A/RES/60/1),';
    const doc = GA(text);
    const [a, b] = findCitations(doc);
    assert.equal(a.symbolRange.start.line, 2);
    assert.equal(a.symbolRange.start.character, text.indexOf('46/152'));
    assert.equal(text.indexOf('46/152'), 'Rappelant 𝒜𝒜 sa résolution '.length); // JS lengths are UTF-16
    assert.equal(a.range.start.character, text.indexOf('sa résolution'));
    assert.equal(a.date?.range.end.character, text.indexOf(' et'));
    assert.equal(slice(doc, b.symbolRange), 'A/RES/60/1');
    const line = findSymbols(text, 7, { lang: 'fr', own: GA_ORGAN });
    assert.deepEqual(line.map((s) => s.range), [{ line: 7, start: text.indexOf('46/152'), end: text.indexOf('46/152') + 6 }, { line: 7, start: text.indexOf('A/RES'), end: text.indexOf('A/RES') + 10 }]);
  });
});
