// Guesses whether a document is French or English from its commonest words.
import type { Lang } from './types';

/**
 * The French words counted (with « l' » and « d' ») or, in the group, the English ones: one pass where
 * there was a pattern for each language. No match of one language can overlap a match of the other
 * (each is a whole word, or « l' », « d' » before one), so the pass finds what the two patterns found.
 */
const FR_OR_EN = /\b(?:(?:le|la|les|des|du|et|une?|sa|ses|dans|pour|qui|résolution|Assemblée|sur|aux?)\b|l'|d'|(the|of|and|its|to|in|for|that|resolution|Assembly|on|with|by)\b)/g;

export function detectLanguage(text: string): Lang {
  // The masthead and the first paragraphs are enough to tell French from English.
  const sample = text.length > 8000 ? text.slice(0, 8000) : text;
  let en = 0, fr = 0;
  FR_OR_EN.lastIndex = 0;
  for (let m = FR_OR_EN.exec(sample); m; m = FR_OR_EN.exec(sample)) m[1] === undefined ? fr++ : en++;
  return en > fr ? 'en' : 'fr';
}
