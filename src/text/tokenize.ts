import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese text to search terms: jieba (jieba-rs, run natively by @node-rs/jieba) in search
 * mode, which keeps a long word and its parts (人行道 -> 人行, 行道, 人行道), so a citizen's
 * wording and a list's wording meet on shared parts. Punctuation, blanks and function words
 * are dropped; Latin letters are folded to lower case and full-width forms to half-width.
 */

/** Function words that carry no subject: they would only add noise to matching. */
const STOP_WORDS = new Set([
  '的',
  '了',
  '在',
  '还',
  '都',
  '把',
  '被',
  '我',
  '你',
  '他',
  '她',
  '它',
  '我们',
  '你们',
  '他们',
  '是',
  '有',
  '就',
  '也',
  '很',
  '吗',
  '呢',
  '啊',
  '吧',
  '呀',
  '和',
  '与',
  '及',
  '或',
  '对',
  '给',
  '让',
  '从',
  '到',
  '向',
  '这',
  '那',
  '这个',
  '那个',
  '一个',
  '什么',
  '怎么',
  '为什么',
  '能',
  '能不能',
  '会',
  '要',
  '想',
  '说',
  '又',
  '再',
  '才',
  '已经',
  '一直',
  '没有',
  '不',
  '没',
  '请',
  '您好',
  '你好',
  '麻烦',
  '问',
  '一下',
  '反映',
  '来电',
  '来电人',
  '市民',
  '投诉',
  '相关',
  '部门',
  '处理',
  '希望',
  '尽快',
  // The boilerplate of hotline tickets: requests and asks that every matter shares.
  '有关',
  '核实',
  '解决',
  '要求',
  '诉求',
  '咨询',
  '情况',
  '问题',
  '说法',
  '帮忙',
  '联系',
  '回复',
  '及时',
  '管',
  '个',
  // How letters open and argue, whatever they are about.
  '本人',
  '认为',
  '建议',
  '谢谢',
  '感谢',
  '表扬',
  '事情',
  '怎么样',
  '今天',
  '上次',
]);

/** Stop words of two or more characters, as one pattern: taken out before characters are read (features.ts). */
export const MULTI_CHARACTER_STOP_WORDS = new RegExp(
  [...STOP_WORDS]
    .filter((w) => w.length > 1)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);

const NOISE = /^[\p{P}\p{S}\s\d]+$/u;

/**
 * One segmenter for the process, its dictionary (≈0.2 s to load) read on first use. Native
 * rather than WebAssembly: the same jieba-rs and dictionary give the same words in a third of
 * the time (decision 010).
 */
let segmenter: Jieba | undefined;
function jieba(): Jieba {
  return (segmenter ??= Jieba.withDict(dict));
}

/** Full-width ASCII to half-width, Latin to lower case. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase();
}

/** The search terms of a text, in order, repeats kept (term frequency matters to ranking). */
export function tokenize(text: string): string[] {
  return tokenizeNormalized(normalizeText(text));
}

/** tokenize() of a text normalizeText() already made (a lookup normalizes once for all its uses). */
export function tokenizeNormalized(normalized: string): string[] {
  return jieba()
    .cutForSearch(normalized, true)
    .filter((term) => !isNoise(term) && !STOP_WORDS.has(term));
}

/** A term of punctuation, symbols, blanks and digits only. Most terms start with a Chinese character, and are words: no pattern run for them. */
function isNoise(term: string): boolean {
  const first = term.charCodeAt(0);
  return !(first >= 0x4e00 && first <= 0x9fff) && NOISE.test(term);
}

/** Part-of-speech tags (jieba's) of words that can name a subject: nouns, proper nouns, verbal and adjectival nouns. */
const NOUN_TAGS = new Set(['n', 'nz', 'nt', 'nl', 'ng', 'vn', 'an']);
/** A word with a number in it cites a rule (第二十条, 三包) rather than naming a subject. */
const NUMERAL = /[0-9零一二三四五六七八九十百千万第条款项]/;

/**
 * The nouns of a text (jieba, precise mode, with part-of-speech tags), two characters or more,
 * in order: the words an item can be about (船舶, 野生动物, 预付卡), not what it does to them.
 */
export function nouns(text: string): string[] {
  return jieba()
    .tag(normalizeText(text), true)
    .filter(({ word, tag }) => word.length >= 2 && NOUN_TAGS.has(tag) && !NUMERAL.test(word) && !STOP_WORDS.has(word))
    .map(({ word }) => word);
}

/**
 * Teaches the segmenter the words of the lists (matter keywords, department aliases), so
 * 不动产权证 or 网签备案 stay one term. Idempotent; cheap.
 */
export function addVocabulary(words: Iterable<string>): void {
  const lines: string[] = [];
  for (const word of words) {
    const w = normalizeText(word).trim();
    // A dictionary line is "word frequency tag": a word with a blank inside cannot be one, and
    // jieba splits texts at blanks before it looks words up, so it could never match anyway.
    if (w.length >= 2 && !NOISE.test(w) && !/\s/.test(w)) lines.push(`${w} 2000 n`);
  }
  if (lines.length > 0) jieba().loadDict(Buffer.from(lines.join('\n') + '\n'));
}

/** Loads jieba's dictionary now (≈0.2 s) instead of on the first lookup. */
export function warmUpTokenizer(): void {
  tokenize('预热分词词典');
}
