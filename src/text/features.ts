import { commonWords } from './common-words.js';
import { MULTI_CHARACTER_STOP_WORDS, normalizeText, tokenizeNormalized } from './tokenize.js';

/**
 * A text as weighted features for the text models of dispatch: its words (jieba, search mode),
 * and the characters and character pairs of its Chinese runs. Words carry meaning when both
 * sides use the same word; characters and pairs meet where they do not (公交车 and 公共汽车
 * share 公 and 车; 社保 and 社会保险 share 社 and 保), at a lower weight. Pure.
 */

/** A sparse feature vector: feature -> weight. */
export type Features = Map<string, number>;

/**
 * Single characters weigh as much as words and pairs: on letters before the evaluation's cut,
 * characters at full weight named the right department more often than at a third (docs/dispatch.md).
 */
const FEATURE_WEIGHTS = { word: 1, pair: 1, character: 1 };

const HAN_RUN = /[\u3400-\u9fff]+/g;

/** Characters that say nothing of the subject even alone (particles, pronouns). */
const EMPTY_CHARACTERS = new Set('的了在是我你他她它们和与及或对给让从到向这那个也都就还又再才很吗呢啊吧呀之其所而被把想要请问');

export function addFeature(features: Features, feature: string, weight: number): void {
  features.set(feature, (features.get(feature) ?? 0) + weight);
}

/** The features of a text, each weighted by how often it occurs times `scale`. */
export function textFeatures(text: string, scale = 1, into: Features = new Map()): Features {
  const normalized = normalizeText(text);
  return featuresOf(normalized, tokenizeNormalized(normalized), scale, into);
}

/** textFeatures() of a text already normalized and segmented (a lookup segments once for all its uses). */
export function featuresOf(normalized: string, words: string[], scale = 1, into: Features = new Map()): Features {
  for (const word of words) addFeature(into, `w:${word}`, FEATURE_WEIGHTS.word * scale);
  // Characters of boilerplate (你好, 咨询一下, 尽快解决) would match every list a little: out first.
  for (const run of normalized.replace(MULTI_CHARACTER_STOP_WORDS, '，').match(HAN_RUN) ?? []) {
    for (let i = 0; i < run.length; i++) {
      const character = run[i]!;
      if (!EMPTY_CHARACTERS.has(character)) addFeature(into, `c:${character}`, FEATURE_WEIGHTS.character * scale);
      if (i + 1 < run.length) addFeature(into, `p:${run.slice(i, i + 2)}`, FEATURE_WEIGHTS.pair * scale);
    }
  }
  return into;
}

let commonWordFeatures: Map<string, number> | undefined;

/** How much a feature can say in any text: a word by how common it is in Chinese (common-words.ts), characters and pairs fully. */
export function generalWeight(feature: string): number {
  // Keyed by the feature itself: a text's features are Map keys already, their hashes computed.
  commonWordFeatures ??= new Map([...commonWords()].map(([word, weight]) => [`w:${word}`, weight]));
  return commonWordFeatures.get(feature) ?? 1;
}
