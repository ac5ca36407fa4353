// snippets/un-resolution.code-snippets: shape of every snippet, unique prefixes, and each
// resolution skeleton is well formed once its placeholders take their first value
// (rules doc §1–§3: organ line with a comma, preamble ending with commas, operative
// paragraphs numbered from 1 ending with ";" and the last with ".").
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..');
const SNIPPETS_FILE = path.join(ROOT, 'snippets', 'un-resolution.code-snippets');

interface Snippet { prefix: string | string[]; body: string | string[]; description: string }

/** Removes line and block comments outside strings (the file is JSON with comments). */
function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else {
      out += c;
    }
  }
  return out;
}

/** Snippet body with every placeholder replaced by its first choice or its default text. */
function expandSnippet(body: string): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      out += body[i + 1];
      i += 2;
    } else if (c === '$' && body[i + 1] === '{') {
      const end = matchingBrace(body, i + 1);
      out += expandPlaceholder(body.slice(i + 2, end));
      i = end + 1;
    } else if (c === '$' && /[0-9A-Za-z_]/.test(body[i + 1] ?? '')) {
      i++;
      while (i < body.length && /[0-9A-Za-z_]/.test(body[i])) i++; // $1, $0, $TM_… → nothing
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced placeholder in ${text}`);
}

function expandPlaceholder(inner: string): string {
  const choice = /^\d+\|((?:[^|\\]|\\.)*?)[,|]/.exec(inner);
  if (choice) return choice[1].replace(/\\(.)/g, '$1');
  const withDefault = /^\w+:([\s\S]*)$/.exec(inner);
  return withDefault ? expandSnippet(withDefault[1]) : '';
}

const raw = readFileSync(SNIPPETS_FILE, 'utf8');
const snippets = JSON.parse(stripJsonComments(raw)) as Record<string, Snippet>;
const entries = Object.entries(snippets);
const prefixesOf = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const bodyOf = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const byPrefix = (prefix: string): Snippet => {
  const found = entries.find(([, s]) => prefixesOf(s).includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found[1];
};
const expanded = (prefix: string) => expandSnippet(bodyOf(byPrefix(prefix)));

// --- A small reader for the skeletons: bodies start at an organ line -----------------

const ORGAN_LINE = /^\*?(?:L'Assemblée générale|Le Conseil de sécurité|Le Conseil économique et social|La Conférence des Parties\b[^,*]*|The General Assembly|The Security Council|The Economic and Social Council|The Conference of the Parties\b[^,*]*)(,?)\*?(,?)$/;
const NUMBERED = /^(\d+)\. (\*[^*]+\*)?/;
const SUBPARAGRAPH = /^(?:[a-z]\)|\([a-z]\)) /;
const MEETING_LINE = /^\*?(?:\d+\^e séance plénière|\d+(?:st|nd|rd|th) plenary meeting)$/;
const DATE_LINE = /^(?:1er|\d{1,2}) \p{L}+ \d{4}\*?$/u;

interface Body { organ: string; paragraphs: string[] }

function bodies(text: string): { bodies: Body[]; lines: string[] } {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const found: Body[] = [];
  for (const line of lines) {
    if (ORGAN_LINE.test(line)) found.push({ organ: line, paragraphs: [] });
    else if (found.length && !MEETING_LINE.test(line) && !DATE_LINE.test(line)) found[found.length - 1].paragraphs.push(line);
  }
  return { bodies: found, lines };
}

/** Checks one body; returns its numbered paragraphs' numbers. */
function checkBody(body: Body, lang: 'fr' | 'en', isLast: boolean): number[] {
  const organ = ORGAN_LINE.exec(body.organ)!;
  assert.ok(organ[1] === ',' || organ[2] === ',', `organ line without comma: ${body.organ}`);
  assert.ok(body.organ.startsWith('*') && body.organ.replace(/,$/, '').endsWith('*'), `organ line not in italics: ${body.organ}`);

  const numbers: number[] = [];
  let seenOperative = false;
  body.paragraphs.forEach((p, i) => {
    const next = body.paragraphs[i + 1];
    const numbered = NUMBERED.exec(p);
    if (numbered) {
      seenOperative = true;
      numbers.push(Number(numbered[1]));
      assert.ok(numbered[2], `operative verb not in italics: ${p}`);
      const isLastParagraph = !body.paragraphs.slice(i + 1).some((q) => NUMBERED.test(q));
      if (next && SUBPARAGRAPH.test(next)) assert.match(p, /:$/, `lead-in must end with ":": ${p}`);
      else assert.match(p, isLastParagraph ? /\.$/ : /;$/, `wrong final punctuation: ${p}`);
      if (lang === 'fr' && /[;:]$/.test(p)) assert.match(p, /\u00a0[;:]$/, `no no-break space before ; or : ${p}`);
    } else if (SUBPARAGRAPH.test(p)) {
      assert.ok(seenOperative, `subparagraph outside the operative part: ${p}`);
    } else if (!seenOperative && p.startsWith('*') && p.endsWith(':')) {
      // the single unnumbered operative paragraph that introduces a nested draft
      assert.ok(!isLast, `"${p}" introduces a text that is missing`);
      seenOperative = true;
    } else {
      assert.ok(!seenOperative, `unnumbered paragraph in the operative part: ${p}`);
      assert.match(p, /^\*[^*]+\* /, `preambular opener not in italics: ${p}`);
      assert.match(p, /,$/, `preambular paragraph must end with a comma: ${p}`);
    }
  });
  return numbers;
}

interface Expectation { prefix: string; lang: 'fr' | 'en'; bodies: number; meeting: boolean; title: boolean; last?: RegExp }
const SKELETONS: Expectation[] = [
  { prefix: 'res-ga-fr', lang: 'fr', bodies: 1, meeting: true, title: true },
  { prefix: 'res-ga-en', lang: 'en', bodies: 1, meeting: true, title: true },
  { prefix: 'res-ecosoc-fr', lang: 'fr', bodies: 2, meeting: true, title: true },
  { prefix: 'res-ecosoc-en', lang: 'en', bodies: 2, meeting: true, title: true },
  { prefix: 'res-cop-fr', lang: 'fr', bodies: 1, meeting: false, title: true },
  { prefix: 'res-cop-en', lang: 'en', bodies: 1, meeting: false, title: true },
  { prefix: 'res-sc-fr', lang: 'fr', bodies: 1, meeting: false, title: false, last: /^\d+\. \*Décide\* de rester saisi de la question\.$/ },
  { prefix: 'res-sc-en', lang: 'en', bodies: 1, meeting: false, title: false, last: /^\d+\. \*Decides\* to remain seized of the matter\.$/ },
];

describe('snippets: file', () => {
  it('parses as JSON once comments are stripped and has snippets', () => {
    assert.ok(entries.length >= 20);
  });

  it('every snippet has a prefix, a body and a description', () => {
    for (const [name, s] of entries) {
      assert.ok(prefixesOf(s).length > 0 && prefixesOf(s).every((p) => typeof p === 'string' && p.length > 0), `${name}: prefix`);
      assert.ok(bodyOf(s).trim().length > 0, `${name}: body`);
      assert.ok(typeof s.description === 'string' && s.description.length > 0, `${name}: description`);
    }
  });

  it('prefixes are unique', () => {
    const all = entries.flatMap(([, s]) => prefixesOf(s));
    assert.deepEqual(all.filter((p, i) => all.indexOf(p) !== i), []);
  });

  it('prefixes follow the scheme <kind>-<lang> or reslint-<directive>', () => {
    for (const p of entries.flatMap(([, s]) => prefixesOf(s))) {
      assert.match(p, /^(?:(?:res-(?:ga|ecosoc|cop|sc)|pre|op|sub|fn|fn-def|cite)-(?:fr|en)|reslint-(?:disable|enable|disable-next-line|disable-file))$/, p);
    }
  });

  it('placeholders expand: first choice, default text, nested defaults, escapes', () => {
    assert.equal(expandSnippet('${1|Rappelant,Réaffirmant|} ${2:sa ${3:résolution}} $0\\$'), 'Rappelant sa résolution $');
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
  });
});

describe('snippets: resolution skeletons', () => {
  for (const exp of SKELETONS) {
    it(`${exp.prefix} is a well-formed resolution`, () => {
      const text = expanded(exp.prefix);
      assert.ok(!/\$\{|\$\d/.test(text), 'placeholder left after expansion');
      const { bodies: found, lines } = bodies(text);
      assert.equal(found.length, exp.bodies, 'number of organ lines');
      found.forEach((body, i) => {
        const numbers = checkBody(body, exp.lang, i === found.length - 1);
        if (i === found.length - 1) {
          assert.ok(numbers.length > 0, 'no numbered operative paragraph');
          assert.deepEqual(numbers, numbers.map((_, k) => k + 1), 'operative paragraphs numbered from 1');
        }
      });

      const meeting = lines.findIndex((l) => MEETING_LINE.test(l));
      if (exp.meeting) {
        assert.ok(meeting > 0, 'meeting line missing');
        assert.match(lines[meeting + 1] ?? '', DATE_LINE, 'date after the meeting line');
        assert.equal(meeting + 2, lines.length, 'the meeting line and date close the text');
      } else {
        assert.equal(meeting, -1, 'unexpected meeting line');
      }

      const titled = lines.some((l) => /^\d{1,4}\/\d{1,3}\. \S/.test(l)) || /^(?:Résolution|Resolution) \d+\/\d+$/.test(lines[0]);
      assert.equal(titled, exp.title, exp.title ? 'title missing' : 'a Security Council resolution has no title');
      if (exp.last) assert.match(lines[lines.length - 1], exp.last);
    });
  }

  it('the ECOSOC skeletons recommend the nested draft to the General Assembly', () => {
    assert.match(expanded('res-ecosoc-fr'), /^\*Recommande\* à l'Assemblée générale d'adopter le projet de résolution suivant\u00a0:\n\n\*L'Assemblée générale,\*$/m);
    assert.match(expanded('res-ecosoc-en'), /^\*Recommends\* to the General Assembly the adoption of the following draft resolution:\n\n\*The General Assembly,\*$/m);
  });

  it('French skeletons agree the opener with the organ (feminine Assembly and Conference, masculine Council)', () => {
    assert.match(expanded('res-ga-fr'), /^\*Consciente\*/m);
    assert.match(expanded('res-cop-fr'), /^\*Consciente\*/m);
    assert.match(expanded('res-sc-fr'), /^\*Conscient\*/m);
  });
});

describe('snippets: parts', () => {
  const choicesOf = (prefix: string) => [...bodyOf(byPrefix(prefix)).matchAll(/\$\{\d+\|([^|]*)\|\}/g)].map((m) => m[1].split(','));

  it('openers and verbs are offered as choices', () => {
    assert.ok(choicesOf('pre-fr')[0].includes('Rappelant') && choicesOf('pre-fr')[0].includes('Réaffirmant') && choicesOf('pre-fr')[0].includes('Soulignant'));
    assert.ok(choicesOf('pre-en')[0].includes('Recalling') && choicesOf('pre-en')[0].includes('Bearing in mind'));
    assert.ok(choicesOf('op-fr')[0].includes('Décide') && choicesOf('op-fr')[0].includes('Prie'));
    assert.ok(choicesOf('op-en')[0].includes('Decides') && choicesOf('op-en')[0].includes('Requests'));
  });

  it('preambular paragraphs end with a comma, operative paragraphs with a semicolon', () => {
    assert.match(expanded('pre-fr'), /^\*Rappelant\* …,$/m);
    assert.match(expanded('pre-en'), /^\*Recalling\* …,$/m);
    assert.match(expanded('op-fr'), /^1\. \*Décide\* …\u00a0;$/m);
    assert.match(expanded('op-en'), /^1\. \*Decides\* …;$/m);
  });

  it('subparagraph lists are labelled a) b) c) in French and (a) (b) (c) in English', () => {
    assert.deepEqual(expanded('sub-fr').split('\n').filter(Boolean).map((l) => l.slice(0, 2)), ['a)', 'b)', 'c)']);
    assert.deepEqual(expanded('sub-en').split('\n').filter(Boolean).map((l) => l.slice(0, 3)), ['(a)', '(b)', '(c)']);
  });

  it('footnotes and citations', () => {
    assert.equal(expanded('fn-fr'), '<sup>1</sup>');
    assert.equal(expanded('fn-en'), '[^1]');
    assert.match(expanded('fn-def-fr'), /^<sup>1<\/sup> Résolution 70\/1, annexe\.\n?$/);
    assert.match(expanded('fn-def-en'), /^\[\^1\]: Resolution 70\/1, annex\.\n?$/);
    assert.equal(expanded('cite-fr'), 'sa résolution 77/237 du 15 janvier 2022');
    assert.equal(expanded('cite-en'), 'its resolution 77/237 of 15 January 2022');
  });

  it('control comments', () => {
    for (const directive of ['reslint-disable', 'reslint-enable', 'reslint-disable-next-line', 'reslint-disable-file']) {
      assert.match(expanded(directive), new RegExp(`^<!-- ${directive} [a-z]+(?:-[a-z]+)* -->$`));
    }
  });
});
