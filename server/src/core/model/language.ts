// Guesses whether a document is French or English from its commonest words.
import type { Lang } from './types';

const FR = /\b(?:le|la|les|des|du|et|une?|sa|ses|dans|pour|qui|résolution|Assemblée|sur|aux?)\b|\bl'|\bd'/g;
const EN = /\b(?:the|of|and|its|to|in|for|that|resolution|Assembly|on|with|by)\b/g;

export function detectLanguage(text: string): Lang {
  // The masthead and the first paragraphs are enough to tell French from English.
  const sample = text.length > 8000 ? text.slice(0, 8000) : text;
  return count(EN, sample) > count(FR, sample) ? 'en' : 'fr';
}

/** How many matches a global pattern has (match().length, without the array of matches: test() builds none). */
function count(pattern: RegExp, text: string): number {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.test(text)) n++;
  return n;
}
