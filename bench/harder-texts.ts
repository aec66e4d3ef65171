/**
 * Harder versions of the generated city's complaint texts for eval:dispatch, so that it stops
 * flattering: what real calls do to a clean sentence. Each text gets one of four treatments,
 * chosen by a hash of its id (the same on every run):
 *
 * - long: the call as a dispatcher types it, with greetings, history and pleas around the
 *   subject (boilerplate that names no department's subject);
 * - colloquial: list-like words replaced by what people say (工资 → 工钱, 停业 → 关门);
 * - typos: one character dropped, two neighbours swapped, common confusions (在/再, 帐/账);
 * - two topics: the subject, then "另外" and the first clause of another call about something else.
 *
 * The word tables are general Chinese usage written for this generator, not taken from any
 * evaluation set; the shipped lexicon (lexicon/civic-words.txt) was not consulted for them.
 */

export const TREATMENTS = ['long', 'colloquial', 'typos', 'two-topics'] as const;
export type Treatment = (typeof TREATMENTS)[number];

const OPENERS = [
  '喂，你好，我想反映个情况，是这样的，',
  '您好，我是附近小区的居民，这个事情我之前已经打过好几次电话了，',
  '你好，麻烦记录一下，我姓王，电话就是这个号码，',
  '我跟你说啊，这个事情拖了很久了，',
];
const CLOSERS = [
  '，你们赶紧派人来看看，处理完了给我回个电话，谢谢。',
  '，希望领导重视一下，不要再推来推去了。',
  '，我们老百姓真的没办法了，麻烦尽快，谢谢你们。',
  '，要是还没人管我就继续打，辛苦了。',
];

const COLLOQUIAL: [string, string][] = [
  ['工资', '工钱'],
  ['拖欠', '一直欠着'],
  ['停业', '关门'],
  ['噪音', '动静'],
  ['出租车', '的士'],
  ['小区', '院子'],
  ['健身房', '健身馆'],
  ['渣土车', '拉土的大车'],
  ['施工', '干活'],
  ['经营', '做买卖'],
  ['商店', '小店'],
  ['餐馆', '馆子'],
  ['饭店', '馆子'],
  ['孩子', '娃'],
  ['上学', '念书'],
  ['垃圾', '脏东西'],
  ['污水', '脏水'],
  ['价格', '价钱'],
  ['老板', '老板儿'],
  ['公司', '单位'],
  ['路边', '马路边上'],
  ['车辆', '车子'],
  ['装修', '搞装修'],
  ['违章', '乱'],
];

const CONFUSIONS: [string, string][] = [
  ['在', '再'],
  ['账', '帐'],
  ['作', '做'],
  ['已', '以'],
  ['像', '象'],
  ['坐', '座'],
  ['的', '地'],
  ['反映', '反应'],
  ['付', '副'],
  ['即', '既'],
];

/** FNV-1a: a stable number per id. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const pick = <T>(list: readonly T[], h: number): T => list[h % list.length]!;
const HAN = /[\u3400-\u9fff]/;

function typos(text: string, h: number): string {
  let out = text;
  for (const [right, wrong] of CONFUSIONS) out = out.replace(right, wrong);
  const han = [...out].map((c, i) => (HAN.test(c) ? i : -1)).filter((i) => i >= 0);
  if (han.length < 6) return out;
  const chars = [...out];
  const swap = han[h % (han.length - 1)]!;
  if (HAN.test(chars[swap + 1] ?? '')) [chars[swap], chars[swap + 1]] = [chars[swap + 1]!, chars[swap]!];
  chars.splice(han[(h >>> 8) % han.length]!, 1);
  return chars.join('');
}

/** The first clause of a text (up to its first comma), what a caller adds in passing. */
function firstClause(text: string): string {
  return text.replace(/^(你好|您好|来电人反映|来电人咨询)[，：:,]?/, '').split(/[，。！？,.!?]/)[0] ?? text;
}

export function treatmentOf(id: string): Treatment {
  return pick(TREATMENTS, hash(id));
}

/** The harder text of a complaint; `other` is another complaint's text, for the two-topic call. */
export function harder(id: string, text: string, other: string): string {
  const h = hash(id);
  switch (treatmentOf(id)) {
    case 'long':
      return `${pick(OPENERS, h >>> 4)}${text.replace(/[。！!]$/, '')}${pick(CLOSERS, h >>> 8)}`;
    case 'colloquial':
      return COLLOQUIAL.reduce((out, [formal, spoken]) => out.split(formal).join(spoken), text);
    case 'typos':
      return typos(text, h);
    case 'two-topics':
      return `${text.replace(/[。！!]$/, '')}。另外，${firstClause(other)}`;
  }
}
