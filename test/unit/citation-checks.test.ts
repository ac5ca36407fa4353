// citation-date and citation-title compare what a text cites with the resolution index.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { shippedIndex } from '../../server/src/core/citations/shipped';
import { applyEdits } from '../../server/src/core/features/code-actions';
import { lint } from '../../server/src/core/lint';
import { splitLines } from '../../server/src/core/model/text';
import { read, SEEDS } from '../helpers';

const index = shippedIndex();
const seed000 = read(SEEDS.find((f) => path.basename(f).startsWith('000'))!);
const only = (text: string) => lint(text, { index }).findings.filter((f) => f.rule.startsWith('citation-'));

describe('citation checks against the index', () => {
  it('the seeds cite every resolution with its known date and title', () => {
    for (const file of SEEDS) assert.deepEqual(only(read(file)).map((f) => f.message), [], path.basename(file));
  });

  it('a wrong date in a copy of seed 000 is reported on the date, with a fix to the known date', () => {
    const text = seed000.replace('sa résolution [73/185](#) du 17 décembre 2018', 'sa résolution [73/185](#) du 18 décembre 2018');
    const [f] = only(text);
    assert.equal(f.rule, 'citation-date');
    assert.equal(f.message, 'La résolution 73/185 a été adoptée le 17 décembre 2018, pas le 18 décembre 2018 (date citée « 18 décembre 2018 »)');
    assert.equal(splitLines(text)[f.range.start.line].slice(f.range.start.character, f.range.end.character), '18 décembre 2018');
    const fixed = applyEdits(splitLines(text), f.fixes![0].edits);
    assert.ok(fixed.includes('[73/185](#) du 17 décembre 2018'));
    assert.deepEqual(only(fixed), []);
  });

  it('in a list sharing one date, the resolution that does not fit is named, with no fix', () => {
    const text = seed000.replace('[69/193](#) et [69/196](#) du 18 décembre 2014', '[69/193](#) et [73/185](#) du 18 décembre 2014');
    const found = only(text).filter((f) => f.rule === 'citation-date');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^La résolution 73\/185 a été adoptée le 17 décembre 2018/);
    assert.equal(found[0].fixes, undefined);
  });

  it('a different title is information, with the known title', () => {
    const text = seed000.replace('intitulée « État de droit, prévention du crime et justice pénale', 'intitulée « État de droit et justice pénale');
    const [f] = only(text);
    assert.equal(f.rule, 'citation-title');
    assert.equal(f.severity, 'information');
    assert.match(f.message, /« État de droit, prévention du crime et justice pénale dans le contexte des objectifs de développement durable »$/);
  });

  it('without an index the rules stay silent', () => {
    const text = seed000.replace('du 17 décembre 2018', 'du 18 décembre 2018');
    assert.deepEqual(lint(text).findings.filter((f) => f.rule.startsWith('citation-')), []);
  });
});
