// Profiles: which practice a document is checked against, and which rules apply under each.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { mergeSettings, parseConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import { parse } from '../../server/src/core/model/parse';
import { effectiveProfile, effectiveTypography, PROFILES } from '../../server/src/core/profiles';
import { rules } from '../../server/src/core/rules/index';
import { ROOT, SEEDS } from '../helpers';

const CORPUS = '/work/shared/corpus';
const corpusFile = (name: string) => readFileSync(path.join(CORPUS, 'en', name), 'utf8');
const haveCorpus = (() => { try { corpusFile('S-RES-1445(2002).txt'); return true; } catch { return false; } })();

describe('profiles', () => {
  it('the default reads a Security Council text with Security Council practice, a GA text with GA practice', () => {
    const sc = parse('The Security Council,\n\nRecalling its resolution 1373 (2001),\n\n1. Decides to remain seized of the matter.\n');
    const ga = parse(readFileSync(SEEDS[0], 'utf8'));
    assert.equal(effectiveProfile(sc), 'security-council');
    assert.equal(effectiveProfile(sc, 'general-assembly'), 'security-council');
    assert.equal(effectiveProfile(ga), 'general-assembly');
    // A profile other than the default is taken as given.
    assert.equal(effectiveProfile(sc, 'draft'), 'draft');
    assert.equal(effectiveProfile(ga, 'legacy'), 'legacy');
  });

  it('legacy implies legacy typography; otherwise the setting decides', () => {
    assert.equal(effectiveTypography('legacy', 'modern'), 'legacy');
    assert.equal(effectiveTypography('general-assembly'), 'modern');
    assert.equal(effectiveTypography('draft', 'legacy'), 'legacy');
  });

  it('every rule states the profiles it applies to, and its page says so', () => {
    for (const rule of rules) {
      assert.ok(rule.profiles.length > 0, `${rule.id} applies to no profile`);
      for (const p of rule.profiles) assert.ok(PROFILES.includes(p), `${rule.id}: unknown profile ${p}`);
      const page = readFileSync(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`), 'utf8');
      assert.match(page, /Profiles?:/, `docs/rules/${rule.id}.md does not say which profiles the rule applies to`);
    }
  });

  it('a rule is not run under a profile it does not apply to', () => {
    // footnote-reused: reusing a footnote number was the practice of older texts.
    const text = "L'Assemblée générale,\n\n*Rappelant* la Convention<sup>1</sup>,\n\n1. *Réaffirme* la Convention<sup>1</sup> ;\n\n2. *Décide* de rester saisie de la question.\n\n<sup>1</sup> Nations Unies, *Recueil des Traités*, vol. 2225, n° 39574.\n";
    assert.ok(lint(text).findings.some((f) => f.rule === 'footnote-reused'));
    assert.ok(!lint(text, { profile: 'legacy' }).findings.some((f) => f.rule === 'footnote-reused'));
  });

  it('the draft profile accepts « 5 bis. » and brackets; the default reports them once each', () => {
    const text = "*L'Assemblée générale*,\n\n*Rappelant* sa résolution 60/1,\n\n1. *Exhorte* les États Membres [qui ne l'ont pas encore fait] à ratifier la Convention ;\n\n1 bis. *Encourage* les États Membres à échanger leurs données d'expérience ;\n\n2. *Décide* de rester saisie de la question.\n";
    const adopted = lint(text).findings.map((f) => `${f.range.start.line + 1}:${f.rule}`);
    assert.deepEqual(adopted, ['5:draft-markup', '7:draft-markup']);
    assert.deepEqual(lint(text, { profile: 'draft' }).findings.map((f) => f.rule), []);
    const model = parse(text);
    const bis = model.paragraphs.find((p) => p.number?.suffix);
    assert.equal(bis?.number?.value, 1);
    assert.equal(bis?.number?.suffix?.text, 'bis');
  });

  it('configuration files and settings carry profile and typography', () => {
    const r = parseConfig('{ "profile": "draft", "typography": "legacy" }');
    assert.ok(r.ok);
    assert.deepEqual(r.ok && r.config, { profile: 'draft', typography: 'legacy' });
    const bad = parseConfig('{ "typography": "fancy" }');
    assert.ok(bad.ok && bad.warnings.some((w) => w.startsWith('typography')));
    assert.equal(mergeSettings({ typography: 'legacy' }, { profile: 'security-council' }).typography, 'legacy');
    assert.equal(mergeSettings().typography, 'modern');
  });

  it('Security Council texts of the corpus are read as such by default', { skip: !haveCorpus }, () => {
    for (const name of ['S-RES-1445(2002).txt', 'S-RES-678(1990).txt', 'S-RES-242(1967).txt']) {
      assert.equal(effectiveProfile(parse(corpusFile(name))), 'security-council', name);
    }
    assert.equal(effectiveProfile(parse(corpusFile('A-RES-80-1.txt'))), 'general-assembly');
  });
});
