// Guesses whether a document is French or English from its commonest words.
import type { Lang } from './types';

const FR = /\b(?:le|la|les|des|du|et|une?|sa|ses|dans|pour|qui|résolution|Assemblée|sur|aux?)\b|\bl'|\bd'/g;
const EN = /\b(?:the|of|and|its|to|in|for|that|resolution|Assembly|on|with|by)\b/g;

export function detectLanguage(text: string): Lang {
  // The masthead and the first paragraphs are enough to tell French from English.
  const sample = text.length > 8000 ? text.slice(0, 8000) : text;
  const fr = sample.match(FR)?.length ?? 0;
  const en = sample.match(EN)?.length ?? 0;
  return en > fr ? 'en' : 'fr';
}
