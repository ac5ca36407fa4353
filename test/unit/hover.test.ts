// Hover and go to definition on real text, and escaping of what a document may contain.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { findCitations } from '../../server/src/core/citations/citations';
import { definition } from '../../server/src/core/features/definition';
import { escapeMarkdown, hover } from '../../server/src/core/features/hover';
import { parse } from '../../server/src/core/model/parse';
import { read, SEEDS } from '../helpers';

const seed = (n: string) => parse(read(SEEDS.find((f) => path.basename(f).startsWith(n))!));
const at = (doc: ReturnType<typeof parse>, needle: string, offset = 1) => {
  const line = doc.lines.findIndex((l) => l.includes(needle));
  return { line, character: doc.lines[line].indexOf(needle) + offset };
};

describe('hover', () => {
  const doc = seed('000');
  const citations = findCitations(doc);

  it('a citation shows its symbol, organ, date and title as cited, and the official link', () => {
    const h = hover(doc, citations, at(doc, '[73/185]', 2))!;
    assert.match(h.markdown, /^\*\*A\/RES\/73\/185\*\* — Résolution de l’Assemblée générale/);
    assert.match(h.markdown, /Adoptée le 17 décembre 2018 \(date citée\)/);
    assert.match(h.markdown, /État de droit, prévention du crime et justice pénale/);
    assert.match(h.markdown, /\[Texte officiel\]\(https:\/\/undocs\.org\/fr\/A\/RES\/73\/185\)/);
    const again = hover(doc, citations, at(doc, '[78/223]', 2))!;
    assert.match(again.markdown, /Adoptée le 19 décembre 2023/);
  });

  it('what the index knows wins over what the text says, and is shown with its counts', () => {
    const index = { lookup: (k: string) => (k === 'A/RES/73/185' ? { date: '2018-12-17', titles: { fr: 'Titre du catalogue', en: 'Catalogue title' }, definedIn: { uri: 'file:///w/73-185.resolution', line: 17 } } : undefined), citedCount: () => 3 };
    const h = hover(doc, citations, at(doc, '[73/185]', 2), index)!;
    assert.match(h.markdown, /Adoptée le 17 décembre 2018  \n/);
    assert.match(h.markdown, /\*Titre du catalogue\*  \n\*Catalogue title\*/, 'both titles, the document language first');
    assert.ok(h.markdown.includes("Définie dans 73\\-185\\.resolution, ligne 18"), h.markdown);
    assert.match(h.markdown, /Citée 3 fois/);
  });

  it('a footnote call shows its note; go to definition jumps to it', () => {
    const pos = at(doc, 'Kyoto (Japon) du 7 au 12 mars 2021⁶', 'Kyoto (Japon) du 7 au 12 mars 2021'.length);
    const h = hover(doc, citations, pos)!;
    assert.match(h.markdown, /^\*\*Note\*\* 6|^\*\*Note 6\*\*/);
    assert.match(h.markdown, /A\/CONF\\\.234\/16/);
    const target = definition(doc, citations, pos)!;
    assert.equal(doc.lines[target.range.start.line].startsWith('⁶'), true);
  });

  it('an operative verb shows what it is and its English equivalents', () => {
    const h = hover(doc, citations, at(doc, '4. *Prie* tous les États', 4))!;
    assert.match(h.markdown, /^\*\*Prie\*\* — Verbe du dispositif/);
    assert.match(h.markdown, /Anglais : Requests/);
  });

  it('document text is escaped: no HTML, no links, no images, no command links', () => {
    const hostile = "L'Assemblée générale,\n\nRappelant sa résolution 46/152¹,\n\n¹ <img src=x onerror=alert(1)> [clic](command:workbench.action.quit) ![i](http://x/y.png) **gras**\n\n1. *Décide* de rester saisie de la question.";
    const d = parse(hostile);
    const h = hover(d, findCitations(d), at(d, '46/152¹', '46/152'.length + 1))!;
    assert.doesNotMatch(h.markdown, /<img|\]\(command:|!\[i\]\(/);
    assert.match(h.markdown, /&lt;img src=x onerror=alert\\\(1\\\)&gt;/);
    assert.equal(escapeMarkdown('[a](command:x)'), '\\[a\\]\\(command:x\\)');
  });
});
