// The status bar's summary of a document: kind, organ, nesting, language, counts and label.
// The numbers below were read off the seeds (see the seeds test for the structure itself).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { documentInfo } from '../../server/src/core/features/document-info';
import { parse } from '../../server/src/core/model/parse';
import { read, ROOT, SEEDS } from '../helpers';

const seed = (n: string) => documentInfo(parse(read(SEEDS.find((f) => path.basename(f).startsWith(n))!)));
const corpus = (lang: string, name: string) => documentInfo(parse(read(path.join(ROOT, 'test', 'corpus', lang, name))));

describe('documentInfo', () => {
  it('seed 000: General Assembly resolution 78/229, 84 preambular and 93 operative paragraphs, 53 notes', () => {
    const info = seed('000');
    assert.deepEqual({ ...info, label: undefined }, {
      kind: 'resolution', organ: 'general-assembly', organName: 'Assemblée générale', nested: false, lang: 'fr', symbol: '78/229',
      counts: { preamble: 84, operative: 93, annexParagraphs: 0, reportParagraphs: 0, footnotes: 53 }, label: undefined,
    });
    assert.equal(info.label, 'Résolution · Assemblée générale · FR · 93 § · 53 notes');
  });

  it('seed 001: ECOSOC resolution with a nested draft; operative = the ECOSOC paragraph + the 13 of the draft; annexed declaration apart', () => {
    const info = seed('001');
    assert.equal(info.kind, 'resolution');
    assert.equal(info.organ, 'economic-and-social-council');
    assert.equal(info.organName, 'Conseil économique et social');
    assert.equal(info.nested, true);
    assert.equal(info.symbol, '2021/20');
    assert.deepEqual(info.counts, { preamble: 6, operative: 1 + 13, annexParagraphs: 97, reportParagraphs: 0, footnotes: 20 });
    assert.equal(info.label, 'Résolution · Conseil économique et social (projet imbriqué) · FR · 14 § · 20 notes');
  });

  it('seed 002: General Assembly resolution 66/181', () => {
    const info = seed('002');
    assert.equal(info.kind, 'resolution');
    assert.equal(info.organ, 'general-assembly');
    assert.deepEqual(info.counts, { preamble: 24, operative: 35, annexParagraphs: 0, reportParagraphs: 0, footnotes: 10 });
  });

  it('seed 003: a report of 104 numbered paragraphs, no speaking organ', () => {
    const info = seed('003');
    assert.equal(info.kind, 'report');
    assert.equal(info.organ, undefined);
    assert.equal(info.organName, undefined);
    assert.equal(info.nested, false);
    assert.equal(info.counts.reportParagraphs, 104);
    assert.equal(info.counts.operative, 0);
    assert.equal(info.counts.footnotes, 5);
    assert.equal(info.label, 'Rapport · FR · 104 § · 5 notes');
  });

  it('seed 004: Conference of the Parties resolution 6/1, 21 operative paragraphs, name as the organ line writes it', () => {
    const info = seed('004');
    assert.equal(info.kind, 'resolution');
    assert.equal(info.organ, 'conference-of-the-parties');
    assert.equal(info.organName, 'Conférence des Parties');
    assert.equal(info.symbol, '6/1');
    assert.deepEqual(info.counts, { preamble: 17, operative: 21, annexParagraphs: 0, reportParagraphs: 0, footnotes: 8 });
    assert.equal(info.label, 'Résolution · Conférence des Parties · FR · 21 § · 8 notes');
  });

  it('English: organ name and label in English; « 1 note » in the singular', () => {
    const info = corpus('en', 'A-RES-80-1.txt');
    assert.equal(info.lang, 'en');
    assert.equal(info.organName, 'General Assembly');
    assert.equal(info.label, 'Resolution · General Assembly · EN · 3 ¶ · 1 note');
    assert.equal(corpus('en', 'S-RES-687(1991).txt').label, 'Resolution · Security Council · EN · 33 ¶');
  });

  it('an adopted resolution whose origin line cites its L. draft stays a resolution', () => {
    const info = corpus('en', 'A-RES-80-4.txt');
    assert.equal(info.kind, 'resolution');
    assert.equal(info.symbol, '80/4');
  });

  it('a draft: L. symbol, « Distr. limitée », « … : projet de résolution » in the masthead', () => {
    const fr = documentInfo(parse([
      'Nations Unies', '', 'A/C.3/78/L.12', '', 'Assemblée générale', '', 'Distr. limitée', '10 octobre 2023', '',
      'Soixante-dix-huitième session', 'Point 107 de l\'ordre du jour', '', 'Autriche et Belgique : projet de résolution', '',
      'Renforcement du programme', '', "L'Assemblée générale,", '', 'Réaffirmant ses résolutions,', '',
      '1. *Prie* le Secrétaire général de lui présenter un rapport ;', '', '2. *Décide* de rester saisie de la question.',
    ].join('\n')));
    assert.equal(fr.kind, 'draft-resolution');
    assert.equal(fr.symbol, 'A/C.3/78/L.12');
    assert.equal(fr.label, 'Projet de résolution · Assemblée générale · FR · 2 §');

    const en = documentInfo(parse([
      'United Nations', '', 'A/80/L.12', '', 'General Assembly', '', 'Eightieth session', 'Agenda item 12', '',
      'Austria and Belgium: draft resolution', '', 'Strengthening the programme', '', 'The General Assembly,', '',
      'Recalling its resolutions,', '', '1. Requests the Secretary-General to report;', '', '2. Decides to remain seized of the matter.',
    ].join('\n')));
    assert.equal(en.kind, 'draft-resolution');
    assert.equal(en.label, 'Draft resolution · General Assembly · EN · 2 ¶');
  });

  it('an empty text is a document of unknown kind', () => {
    const info = documentInfo(parse(''));
    assert.equal(info.kind, 'unknown');
    assert.equal(info.organ, undefined);
    assert.match(info.label, /^(Document) · (FR|EN)$/);
  });
});
