// The resolution index: the shipped data (built from the seeds and the corpus, and kept in step with
// them), workspace definitions and references, office catalogues and completion search.
// (Loading speed is measured by scripts/bench-index.ts, not asserted here.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { keyOf, parseCsv, ResolutionIndex, shortSymbol } from '../../server/src/core/citations/index';
import { shippedIndex } from '../../server/src/core/citations/shipped';
import { parse } from '../../server/src/core/model/parse';
import { buildIndex, INDEX_FILE } from '../../scripts/build-index';

describe('resolution index: shipped data', () => {
  const index = shippedIndex();

  it('the committed data file matches a fresh build', () => {
    const committed = readFileSync(INDEX_FILE, 'utf8');
    assert.ok(buildIndex().json === committed, 'server/src/core/data/resolution-index.json is out of date: run `node --import tsx scripts/build-index.ts` and review the diff');
  });

  it('fromData reads the JSON text as well as the rows', () => {
    const fromText = ResolutionIndex.fromData(readFileSync(INDEX_FILE, 'utf8'));
    assert.deepEqual(fromText.lookup('A/RES/73/185'), index.lookup('A/RES/73/185'));
    assert.equal(fromText.size, index.size);
  });

  it('knows 73/185 from the citation that states its date and title', () => {
    const e = index.lookup('A/RES/73/185')!;
    assert.equal(e.symbol, '73/185');
    assert.equal(e.organ, 'general-assembly');
    assert.equal(e.date, '2018-12-17');
    assert.match(e.titles.fr!, /^État de droit, prévention du crime et justice pénale/);
    assert.equal(e.link, 'https://undocs.org/fr/A/RES/73/185');
    assert.equal(e.definedIn, undefined);
  });

  it('knows 78/223 from its stated date', () => {
    assert.equal(index.lookup('A/RES/78/223')?.date, '2023-12-19');
  });

  it("knows the seeds' own resolutions from their headers", () => {
    const own = index.lookup('A/RES/78/229')!;
    assert.equal(own.date, '2023-12-19'); // adoption, not the distribution date (22 décembre 2023)
    assert.match(own.titles.fr!, /^Renforcement du programme des Nations Unies pour la prévention du crime et la justice pénale/);
    const r66 = index.lookup('A/RES/66/181')!;
    assert.equal(r66.date, '2011-12-19');
    assert.match(r66.titles.fr!, /^Renforcement du programme/);
    const eco = index.lookup('E/RES/2021/20')!;
    assert.equal(eco.date, '2021-07-22');
    assert.equal(eco.organ, 'economic-and-social-council');
    assert.equal(eco.symbol, '2021/20');
    assert.match(eco.titles.fr!, /^Quatorzième Congrès/);
    assert.equal(index.lookup('CTOC/COP/RES/6/1')?.organ, 'conference-of-the-parties');
  });

  it('knows Security Council resolutions with their adoption dates, and English corpus texts', () => {
    assert.equal(index.lookup('S/RES/242 (1967)')?.date, '1967-11-22');
    assert.equal(index.lookup('S/RES/1445 (2002)')?.date, '2002-12-04');
    assert.equal(index.lookup('S/RES/1445 (2002)')?.titles.en, undefined); // "on 4 December 2002" is no title
    assert.equal(index.lookup('A/RES/80/10')?.titles.en, "International Day of the World's Indigenous Women and Girls");
  });

  it('reads short forms as keys', () => {
    assert.equal(index.lookup('73/185')?.key, 'A/RES/73/185');
    assert.equal(index.lookup('1445 (2002)')?.key, 'S/RES/1445 (2002)');
    assert.equal(index.lookup('2021/20')?.key, 'E/RES/2021/20');
    assert.equal(index.lookup('A/RES/1/99999'), undefined);
  });
});

const FILE_A = `# Assemblée générale

Résolution adoptée par l'Assemblée générale le 15 décembre 2030

85/12. Coopération internationale en matière de prévention du crime

L'Assemblée générale,

Rappelant sa résolution 73/185 du 17 décembre 2018,

1. Décide de poursuivre l'examen de la question.
`;

const FILE_B = `L'Assemblée générale,

Rappelant sa résolution 85/12 du 15 décembre 2030,

Rappelant également ses résolutions 85/12 et 73/185,

1. Prie le Secrétaire général de lui faire rapport.
`;

describe('resolution index: workspace', () => {
  it('a file whose own symbol is a key defines it; the files citing it are its references', () => {
    const index = shippedIndex();
    const a = parse(FILE_A), b = parse(FILE_B);
    index.addDocument('file:///a.md', a);
    index.addDocument('file:///b.md', b);
    const e = index.lookup('A/RES/85/12')!;
    assert.equal(e.date, '2030-12-15');
    assert.equal(e.titles.fr, 'Coopération internationale en matière de prévention du crime');
    assert.deepEqual(e.definedIn, { uri: 'file:///a.md', line: 4 });
    const refs = index.references('A/RES/85/12');
    assert.equal(refs.length, 2);
    assert.ok(refs.every((r) => r.uri === 'file:///b.md'));
    assert.deepEqual(refs[0].range, { start: { line: 2, character: 24 }, end: { line: 2, character: 29 } });
    assert.equal(b.lines[2].slice(24, 29), '85/12');
    assert.equal(index.citedCount('A/RES/85/12'), 2);
    assert.equal(index.citedCount('A/RES/73/185'), 2); // once in A, once in B
    assert.deepEqual(index.references('A/RES/73/185').map((r) => r.uri), ['file:///a.md', 'file:///b.md']);

    // Re-adding a file replaces what it gave; removing it undoes it.
    index.addDocument('file:///b.md', b);
    assert.equal(index.citedCount('A/RES/85/12'), 2);
    index.removeDocument('file:///b.md');
    assert.equal(index.citedCount('A/RES/85/12'), 0);
    assert.deepEqual(index.references('A/RES/85/12'), []);
    assert.equal(index.citedCount('A/RES/73/185'), 1);
    index.removeDocument('file:///a.md');
    assert.equal(index.lookup('A/RES/85/12'), undefined);
    assert.equal(index.citedCount('A/RES/73/185'), 0);
    assert.equal(index.lookup('A/RES/73/185')?.date, '2018-12-17'); // the shipped entry stays
  });

  it('a workspace definition overrides the shipped title and date; the other language is kept', () => {
    const index = ResolutionIndex.fromData([['A/RES/85/12', '85/12', 'general-assembly', '2030-12-01', 'Ancien titre', 'Old title']]);
    index.addDocument('file:///a.md', parse(FILE_A));
    const e = index.lookup('A/RES/85/12')!;
    assert.equal(e.date, '2030-12-15');
    assert.deepEqual(e.titles, { fr: 'Coopération internationale en matière de prévention du crime', en: 'Old title' });
  });

  it('a key cited but known nowhere else takes the date its citation states', () => {
    const index = ResolutionIndex.fromData([]);
    index.addDocument('file:///b.md', parse(FILE_B));
    const e = index.lookup('A/RES/85/12')!;
    assert.equal(e.date, '2030-12-15');
    assert.equal(e.definedIn, undefined);
  });
});

describe('resolution index: indexing an open file again', () => {
  // With no shipped entry, a key cited twice takes the date of the first citation read: the order of the files matters.
  const FILE_C = FILE_B.replace('ses résolutions 85/12 et 73/185,', 'sa résolution 73/185 du 18 décembre 2018,');
  const keys = ['A/RES/85/12', 'A/RES/73/185'];
  const answers = (index: ResolutionIndex) => keys.map((k) => [index.lookup(k), index.references(k), index.citedCount(k)]);
  const build = (...files: [string, string][]) => {
    const index = ResolutionIndex.fromData([]);
    for (const [uri, text] of files) index.addDocument(uri, parse(text));
    return index;
  };

  it('an edit that cites nothing new moves the references and changes no answer (nor the count of changes)', () => {
    const index = build(['file:///b.md', FILE_B]);
    const changes = index.changes;
    const before = index.lookup('A/RES/85/12');
    index.addDocument('file:///b.md', parse(`\n${FILE_B}`));
    assert.equal(index.changes, changes);
    assert.deepEqual(index.lookup('A/RES/85/12'), before);
    assert.deepEqual(index.references('A/RES/85/12')[0].range, { start: { line: 3, character: 24 }, end: { line: 3, character: 29 } });
    assert.deepEqual(answers(index), answers(build(['file:///b.md', `\n${FILE_B}`])));
    // Another date stated: the answer changes, and the count with it.
    index.addDocument('file:///b.md', parse(FILE_B.replace('15 décembre 2030', '16 décembre 2030')));
    assert.ok(index.changes > changes);
    assert.equal(index.lookup('A/RES/85/12')!.date, '2030-12-16');
  });

  it('gives the answers of removing the file and adding it last, whatever the order before', () => {
    assert.equal(build(['file:///a.md', FILE_A], ['file:///c.md', FILE_C]).lookup('A/RES/73/185')!.date, '2018-12-17');
    assert.equal(build(['file:///c.md', FILE_C], ['file:///a.md', FILE_A]).lookup('A/RES/73/185')!.date, '2018-12-18');
    for (const first of ['file:///a.md', 'file:///c.md']) {
      const index = first === 'file:///a.md' ? build(['file:///a.md', FILE_A], ['file:///c.md', FILE_C]) : build(['file:///c.md', FILE_C], ['file:///a.md', FILE_A]);
      const changes = index.changes;
      const edited = `${FILE_A}\n2. Décide de rester saisie de la question.\n`;
      index.addDocument('file:///a.md', parse(edited));
      assert.deepEqual(answers(index), answers(build(['file:///c.md', FILE_C], ['file:///a.md', edited])), first);
      // Already last: nothing to move, the count stays; first: it moves last, the answers change.
      assert.equal(index.changes === changes, first === 'file:///c.md', first);
    }
  });
});

describe('resolution index: catalogues', () => {
  it('parses CSV with quoted commas, doubled quotes, CRLF and line breaks in quotes', () => {
    assert.deepEqual(parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n'), [['a', 'b'], ['x, y', 'say "hi"'], ['multi\nline', 'z']]);
  });

  it('a CSV export adds entries, overrides titles per language and skips bad rows', () => {
    const index = shippedIndex();
    const csv = [
      'symbol,date,title,language',
      'A/RES/73/185,2018-12-17,"Rule of law, crime prevention and criminal justice in the context of the Sustainable Development Goals",en',
      '79/999,2024-12-20,"Coopération, coordination et suivi",fr',
      'not a symbol,2024-12-20,Titre,fr',
      'A/RES/79/998,2024-02-30,Date impossible,fr',
      'S/RES/2719(2023),21/12/2023,Cooperation between the United Nations and regional organizations,english',
    ].join('\r\n');
    const report = index.loadCatalog(csv, 'csv');
    assert.equal(report.loaded, 3);
    assert.equal(report.skipped, 2);
    assert.deepEqual(report.errors.map((e) => e.row), [4, 5]);
    const r = index.lookup('A/RES/73/185')!;
    assert.match(r.titles.fr!, /^État de droit/); // the French title is kept
    assert.equal(r.titles.en, 'Rule of law, crime prevention and criminal justice in the context of the Sustainable Development Goals');
    assert.deepEqual(index.lookup('A/RES/79/999')?.titles, { fr: 'Coopération, coordination et suivi' });
    assert.equal(index.lookup('A/RES/79/999')?.date, '2024-12-20');
    assert.equal(index.lookup('S/RES/2719 (2023)')?.date, '2023-12-21');
    assert.equal(index.lookup('S/RES/2719 (2023)')?.symbol, '2719 (2023)');
  });

  it('a JSON export adds entries and overrides shipped titles; a workspace definition still wins', () => {
    const index = shippedIndex();
    const report = index.loadCatalog(JSON.stringify([
      { symbol: '73/185', title: 'État de droit (titre du catalogue)', language: 'fr' },
      { symbol: 'E/RES/2021/20', date: '2021-07-22', title: 'Fourteenth United Nations Congress on Crime Prevention and Criminal Justice', language: 'en' },
      { symbol: 'CTOC/COP/RES/10/4', date: '2020-10-16', title: 'Lancement du processus d’examen', language: 'fr' },
      { symbol: 42, title: 'x' },
      { date: '2020-01-01' },
    ]), 'json');
    assert.deepEqual([report.loaded, report.skipped], [3, 2]);
    assert.equal(index.lookup('A/RES/73/185')?.titles.fr, 'État de droit (titre du catalogue)');
    assert.equal(index.lookup('A/RES/73/185')?.date, '2018-12-17');
    assert.match(index.lookup('E/RES/2021/20')!.titles.fr!, /^Quatorzième/);
    assert.match(index.lookup('E/RES/2021/20')!.titles.en!, /^Fourteenth/);
    assert.equal(index.lookup('CTOC/COP/RES/10/4')?.organ, 'conference-of-the-parties');
    index.loadCatalog(JSON.stringify({ entries: [{ symbol: 'A/RES/85/12', title: 'Titre du catalogue', date: '2030-12-01' }] }), 'json');
    assert.equal(index.lookup('A/RES/85/12')?.titles.fr, 'Titre du catalogue');
    index.addDocument('file:///a.md', parse(FILE_A));
    assert.equal(index.lookup('A/RES/85/12')?.titles.fr, 'Coopération internationale en matière de prévention du crime');
    assert.equal(index.lookup('A/RES/85/12')?.date, '2030-12-15');
  });

  it('reports an unreadable catalogue instead of throwing', () => {
    const index = ResolutionIndex.fromData([]);
    assert.equal(index.loadCatalog('{oops', 'json').errors.length, 1);
    assert.equal(index.loadCatalog('a,b\n1,2\n', 'csv').skipped, 1);
  });
});

describe('resolution index: search', () => {
  it("search('73/1', 'fr') gives 73/185 with its title and date first", () => {
    const index = shippedIndex();
    const hits = index.search('73/1', 'fr', 10);
    assert.ok(hits.length >= 1);
    assert.equal(hits[0].key, 'A/RES/73/185');
    assert.match(hits[0].title!, /^État de droit, prévention du crime et justice pénale/);
    assert.equal(hits[0].date, '2018-12-17');
    assert.ok(hits.every((h) => h.symbol.startsWith('73/1')));
  });

  it('searches keys as well, honours the limit and prefers titles in the language asked', () => {
    const index = shippedIndex();
    assert.ok(index.search('S/RES/6', 'en', 50).every((h) => h.key.startsWith('S/RES/6')));
    assert.equal(index.search('', 'fr', 5).length, 5);
    index.loadCatalog('symbol,title,language\n80/10,Journée internationale des femmes et des filles autochtones,fr\n', 'csv');
    const fr = index.search('80/1', 'fr', 3);
    assert.equal(fr[0].key, 'A/RES/80/10');
    assert.equal(fr[0].title, 'Journée internationale des femmes et des filles autochtones');
  });

  it('short forms and keys', () => {
    assert.equal(shortSymbol('CTOC/COP/RES/10/4'), '10/4');
    assert.equal(keyOf('A/RES/73/185'), 'A/RES/73/185');
    assert.equal(keyOf('S/RES/1373(2001)'), 'S/RES/1373 (2001)');
    assert.equal(keyOf('A/CONF.234/16'), undefined);
    assert.equal(keyOf('hello'), undefined);
  });
});
