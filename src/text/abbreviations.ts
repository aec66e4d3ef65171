/**
 * Abbreviations of the lists' own words, found in the lists. Chinese shortens a four-character
 * word of two two-character words to their first characters: 社会保险 → 社保, 医疗保险 → 医保,
 * 环境保护 → 环保, 危险废物 → 危废. Citizens say the short form; lists print the long one. From
 * the words a collection uses, this gives each short form the long words it may stand for, with
 * how many documents use each (so an ambiguous short form leans to the common reading). Pure.
 */

const HAN_WORD = /^[\u3400-\u9fff]{4}$/;

/** Short form → (long word → documents using it), for the four-character words of a collection. */
export function abbreviationsOf(documentFrequency: Iterable<[word: string, documents: number]>): Map<string, Map<string, number>> {
  const words = new Map(documentFrequency);
  const readings = new Map<string, Map<string, number>>();
  for (const [word, documents] of words) {
    if (!HAN_WORD.test(word)) continue;
    const short = word[0]! + word[2]!;
    // A short form the collection itself uses as a word means that word, not an abbreviation.
    if (words.has(short)) continue;
    let longWords = readings.get(short);
    if (!longWords) readings.set(short, (longWords = new Map()));
    longWords.set(word, documents);
  }
  return readings;
}
