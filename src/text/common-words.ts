import { dict } from '@node-rs/jieba/dict.js';

/**
 * How much a word can tell of what a text is about, from how common it is in Chinese at large:
 * the word frequencies of jieba's own dictionary (dict.txt, counted on a general corpus, shipped
 * with the segmenter under its MIT licence). The lists' IDF says which words are rare *in the
 * lists*; a word everybody uses (公司, 时间, 孩子, 工程) can still be rare there and then makes a
 * complaint look like the one item that happens to say it. Such words count less; the words of
 * a subject (环评, 廉租房, 噪声, 社保) are rare in general and count fully. Pure, once loaded.
 */

/**
 * A word counts fully from this information content on (the natural log of the corpus size over
 * its frequency: about 136 occurrences in jieba's 60 million). Chosen on the letters before the
 * cut of eval:real (docs/dispatch.md): 12.5–13.5 gave the same answers there.
 */
const FULL_WEIGHT_FROM = 13;

let weights: Map<string, number> | undefined;

/** Words that count less than fully, with their weights, read once from the dictionary (≈0.2 s; about 30,000 of its 349,000 words). */
export function commonWords(): ReadonlyMap<string, number> {
  if (weights) return weights;
  const rows: [string, number][] = [];
  let total = 0;
  for (const line of new TextDecoder().decode(dict).split('\n')) {
    const [word, frequency] = line.split(' ', 2);
    const count = Number(frequency);
    if (!word || !(count > 0)) continue;
    rows.push([word, count]);
    total += count;
  }
  weights = new Map();
  for (const [word, count] of rows) {
    const information = Math.log(total / count);
    if (information < FULL_WEIGHT_FROM) weights.set(word, information / FULL_WEIGHT_FROM);
  }
  return weights;
}

/** 1 for a word of a subject, less (down to about 0.2 for 的-like words) the more common the word is in Chinese. */
export function generalWordWeight(word: string): number {
  return commonWords().get(word) ?? 1;
}
