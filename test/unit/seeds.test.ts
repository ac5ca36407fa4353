// The seeds are adopted UN texts: no error and no warning, and the model must read their
// structure as a drafter would (nesting, report, page breaks, footnotes).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/core/lint';
import { allParts } from '../../server/src/core/model/parse';
import { read, ROOT, SEEDS } from '../helpers';

const seed = (n: string) => read(SEEDS.find((f) => path.basename(f).startsWith(n))!);

describe('seeds', () => {
  for (const file of SEEDS) {
    it(`${path.basename(file)} gives no error and no warning`, () => {
      const { findings } = lint(read(file));
      const bad = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(bad.map((f) => `${f.range.start.line + 1} ${f.rule} ${f.message}`), []);
    });
  }

  it('seed 000: GA resolution 78/229, preamble then 93 operative paragraphs, footnotes 1–53 all matched', () => {
    const { doc } = lint(seed('000'));
    assert.equal(doc.kind, 'resolution');
    assert.equal(doc.lang, 'fr');
    assert.equal(doc.symbol?.text, '78/229');
    assert.match(doc.title!.text, /^Renforcement du programme des Nations Unies/);
    const [res] = doc.parts;
    assert.equal(res.organId, 'general-assembly');
    assert.deepEqual(res.operative.map((p) => p.number?.value), Array.from({ length: 93 }, (_, i) => i + 1));
    assert.equal(res.operative[13].opener?.text, 'Invite de même instamment');
    assert.equal(new Set(doc.footnoteRefs.map((r) => r.number)).size, 53);
    assert.equal(doc.footnoteDefs.length, 53);
    assert.ok(doc.meeting, 'closing meeting line');
    assert.equal(doc.header.find((h) => h.kind === 'adoption')?.text, "Résolution adoptée par l'Assemblée générale le 19 décembre 2023");
  });

  it('seed 000: page breaks join paragraphs, whatever the next line starts with', () => {
    const { doc } = lint(seed('000'));
    const [res] = doc.parts;
    const find = (start: string) => [...res.preamble, ...res.operative].find((p) => p.text.includes(start))!;
    // « … additionnel à la Convention des » / footnotes / « Nations Unies contre … »
    const p1 = find('Se réjouissant du vingtième anniversaire');
    assert.ok(p1.text.includes('Nations Unies contre la criminalité transnationale organisée¹⁷'));
    assert.equal(p1.segments.length, 2);
    // « … du 21 août au » / « 1^{er} septembre 2023 … »
    const p77 = res.operative[76];
    assert.equal(p77.number?.value, 77);
    assert.ok(p77.text.includes('1^{er} septembre 2023, respectivement'));
    // « … d'aider les » / « migrants, notamment … » (no footnote in between)
    assert.ok(find('Soulignant que les États Membres doivent avoir conscience').text.includes('migrants, notamment les enfants'));
  });

  it('seed 001: ECOSOC resolution recommending a GA draft with an annexed declaration', () => {
    const { doc } = lint(seed('001'));
    const [ecosoc] = doc.parts;
    assert.equal(ecosoc.organId, 'economic-and-social-council');
    assert.equal(ecosoc.operative.length, 1);
    assert.equal(ecosoc.operative[0].number, undefined);
    assert.equal(ecosoc.operative[0].introducesDraft, true);
    const draft = ecosoc.children[0];
    assert.equal(draft.kind, 'draft');
    assert.equal(draft.organId, 'general-assembly');
    assert.equal(draft.preamble.length, 6);
    assert.equal(draft.operative.length, 13);
    const annex = draft.children[0];
    assert.equal(annex.kind, 'annex');
    assert.equal(annex.voice, 'first-person');
    const statements = annex.items.filter((p) => p.number).map((p) => p.number!.value);
    assert.deepEqual(statements, Array.from({ length: 97 }, (_, i) => i + 1));
    assert.equal(allParts(doc.parts).length, 3);
    // 1<sup>er</sup> and 13<sup>e</sup> are ordinals, not footnote calls.
    assert.deepEqual([...new Set(doc.footnoteRefs.map((r) => r.number))], Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('seed 003: a report, numbered 1–104 through its sections', () => {
    const { doc } = lint(seed('003'));
    assert.equal(doc.kind, 'report');
    const [report] = doc.parts;
    assert.equal(report.kind, 'report');
    assert.deepEqual(report.items.filter((p) => p.number).map((p) => p.number!.value), Array.from({ length: 104 }, (_, i) => i + 1));
    assert.equal(report.operative.length, 0);
  });

  it('seed 004: Conference of the Parties resolution 6/1, no meeting line', () => {
    const { doc } = lint(seed('004'));
    assert.equal(doc.symbol?.text, '6/1');
    assert.match(doc.title!.text, /^Assurer la bonne application/);
    assert.equal(doc.parts[0].organId, 'conference-of-the-parties');
    assert.equal(doc.parts[0].operative.length, 21);
    assert.equal(doc.meeting, undefined);
  });

  it('the seeds folder associates *.txt with the language', () => {
    const settings = JSON.parse(read(path.join(ROOT, 'seeds', '.vscode', 'settings.json')));
    assert.equal(settings['files.associations']['*.txt'], 'un-resolution');
  });

  it('a compendium of the five seeds, in any order, reads as five documents and gives no error and no warning', () => {
    const texts = SEEDS.map(read);
    const orders = [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [3, 0, 1, 4, 2]];
    for (const order of orders) {
      const { doc, findings } = lint(order.map((k) => texts[k]).join('\n\n'));
      const bad = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(bad.map((f) => `${f.range.start.line + 1} ${f.rule} ${f.message}`), [], `order ${order.join('')}`);
      // The report (seed 003) stays a report; each resolution keeps its preamble after the previous one's meeting line.
      assert.deepEqual(doc.parts.map((p) => p.kind).sort(), ['report', 'resolution', 'resolution', 'resolution', 'resolution'], `order ${order.join('')}`);
      const counts = (d: typeof doc) => allParts(d.parts).map((p) => `${p.kind} ${p.organId} ${p.preamble.length}/${p.operative.length}`).sort();
      assert.deepEqual(counts(doc), order.flatMap((k) => counts(lint(texts[k]).doc)).sort(), `order ${order.join('')}: parts as read alone`);
    }
  });
});

