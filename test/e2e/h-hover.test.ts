// Scenario h: the hover on a citation. In seed 000, the mouse over « [73/185](#) » (line 50,
// « Réaffirmant sa résolution [73/185](#) du 17 décembre 2018 intitulée « État de droit, … »)
// shows what the server knows of A/RES/73/185: its kind, its adoption date, its title and a link
// « Texte officiel » to https://undocs.org/fr/A/RES/73/185.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { SCENARIO_TIMEOUT, SEEDS, lineOf, withSession } from './harness';

const FILE = '000_adffb6421272b05b.txt';
const TEXT = readFileSync(join(SEEDS, FILE), 'utf8');
const CITED = '73/185';
const LINE = lineOf(TEXT, `[${CITED}](#)`);
const URL = 'https://undocs.org/fr/A/RES/73/185';
const expected = ['A/RES/73/185', 'Résolution de l’Assemblée générale', 'Adoptée le 17 décembre 2018', 'État de droit, prévention du crime et justice pénale', 'Texte officiel'];

test('the hover on « [73/185](#) » shows A/RES/73/185, its date, its title and its undocs link', { timeout: SCENARIO_TIMEOUT }, async (t) => {
  assert.equal(LINE, 50, 'the citation is on line 50 of seed 000');
  assert.equal(TEXT.split(CITED).length, 2, `« ${CITED} » occurs once in seed 000`);
  await withSession('h-seed-000-hover', {}, async (s) => {
    await s.openFile(FILE);
    await s.waitForLanguageMode('UN Resolution');
    await s.waitForActivation();
    await s.waitForLanguageServer();

    // The Find widget selects « 73/185 » and scrolls line 50 into view; the mouse then goes over it
    // (or, if the workbench drops that hover, the keyboard's Show Hover at the cursor).
    await s.goToText(CITED);
    const at = await s.cursor();
    assert.deepEqual([at.line, at.selected], [LINE, CITED.length], `« ${CITED} » selected on line ${LINE}`);
    const { hover, text } = await s.hoverSelection('Texte officiel');

    for (const part of expected) assert.ok(text.includes(part), `the hover shows « ${part} »: « ${text} »`);
    const link = hover.locator('a', { hasText: 'Texte officiel' }).first();
    const attrs = await link.evaluate((a: any) => ({ href: a.getAttribute('href'), dataHref: a.getAttribute('data-href') }));
    assert.equal(attrs.href, URL, `the « Texte officiel » link: ${JSON.stringify(attrs)}`);
    await s.screenshot('h-seed-000-hover');
  }, t.signal);
});
