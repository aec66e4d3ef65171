import { createHash } from 'node:crypto';
import type { LegalBasis, PowerItemType } from '../../model/records.js';

/**
 * The words real lists write in their cells, and what they mean in a bundle. Every function
 * returns undefined for a word it does not know, so the caller can name the cell.
 */

const TYPE_WORDS: Record<string, PowerItemType> = {
  行政许可: 'licensing',
  行政处罚: 'penalty',
  行政强制: 'coercion',
  行政征收: 'levy',
  行政给付: 'benefit',
  行政检查: 'inspection',
  行政确认: 'confirmation',
  行政奖励: 'reward',
  行政裁决: 'adjudication',
  其他: 'other',
  其他行政权力: 'other',
  其他权力: 'other',
  公共服务: 'other',
  行政监督检查: 'inspection',
  行政强制措施: 'coercion',
  行政强制执行: 'coercion',
};

/** 行政处罚 / 处罚 / 行政处罚类 / penalty -> penalty. */
export function itemType(word: string): PowerItemType | undefined {
  // Cells wrap words over lines ("行政\n处罚") and pad them ("行政 处罚").
  const w = word.replace(/\s+/g, '').replace(/类$/, '');
  return TYPE_WORDS[w] ?? TYPE_WORDS[`行政${w}`] ?? (Object.values(TYPE_WORDS).includes(w as PowerItemType) ? (w as PowerItemType) : undefined);
}

/**
 * 市级/地州市级 -> city, 县级/县市区级 -> county, 市、县两级 -> both. Only the cell's first phrase
 * counts: lists write the level and its scope in one cell ("地州市级。负责行政区域内…").
 */
export function itemLevel(cell: string): 'city' | 'county' | 'both' | undefined {
  const word = cell.replace(/\s+/g, '').split(/[。，,；;：:]/)[0] ?? '';
  if (/^(县市区|县区|区县)级?$/.test(word)) return 'county';
  if (/^(自治区|省|国家)/.test(word)) return undefined; // above a city: not a level of its lists
  const city = /市/.test(word);
  const county = /[县区]/.test(word);
  if (city && county) return 'both';
  if (city) return 'city';
  if (county) return 'county';
  return ['city', 'county', 'both'].includes(word) ? (word as 'city' | 'county' | 'both') : undefined;
}

/** 有/是/√/Y/1 -> true, 无/否/×/N/0 -> false. */
export function yesNo(word: string): boolean | undefined {
  if (/^(有|是|√|✓|y|yes|true|1|已制定|已建立)$/i.test(word)) return true;
  if (/^(无|否|×|✗|n|no|false|0|未制定|未建立)$/i.test(word)) return false;
  return undefined;
}

/** 满意/基本满意 -> true, 不满意 -> false. */
export function satisfaction(word: string): boolean | undefined {
  if (/^(不满意|非常不满意)$/.test(word)) return false;
  if (/^(满意|非常满意|基本满意)$/.test(word)) return true;
  return yesNo(word);
}

/** A return visit's rating: 1–5 (or 1星…5星), or the five words hotlines use, 非常不满意 (1) to 非常满意 (5). */
export function ratingWord(word: string): number | undefined {
  const digits = /^([1-5])(?:星|分)?$/.exec(word);
  if (digits) return Number(digits[1]);
  const words = ['非常不满意', '不满意', '一般', '满意', '非常满意'];
  const at = words.indexOf(word);
  return at >= 0 ? at + 1 : undefined;
}

/** 办结/已办结 -> resolved, 退单/退回 -> returned, 拒收/不予受理 -> refused, 受理/办理中 -> accepted. */
export function routeOutcome(word: string): 'accepted' | 'refused' | 'returned' | 'resolved' | undefined {
  if (/办结|解决|已处理|完成|resolved/.test(word)) return 'resolved';
  if (/退单|退回|returned/.test(word)) return 'returned';
  if (/拒|不予受理|refused/.test(word)) return 'refused';
  if (/受理|办理中|处理中|accepted/.test(word)) return 'accepted';
  return undefined;
}

/** 已发布 -> published, 草稿 -> draft, 已废止 -> retired. */
export function boundaryStatus(word: string): 'draft' | 'published' | 'retired' | undefined {
  if (/发布|生效|有效|published/.test(word)) return 'published';
  if (/草稿|拟定|征求意见|draft/.test(word)) return 'draft';
  if (/废止|失效|撤销|retired/.test(word)) return 'retired';
  return undefined;
}

/** Splits a cell listing several names: 、，,;；/ or new lines. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[、，,;；\n/]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Splits a cell of several duties or bases: new lines, ；, or numbered items "1." "（1）". */
export function splitParagraphs(cell: string): string[] {
  return cell
    .split(/\n+|[；;]|(?=（\d+）)|(?=\d+[.、．])/)
    .map((s) => s.replace(/^(（\d+）|\d+[.、．])\s*/, '').trim())
    .filter((s) => s !== '');
}

/** A stable short id from text: the same name gives the same id in every import. */
export function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 10);
}

/**
 * 《中华人民共和国噪声污染防治法》第七十七条；《山东省…条例》第十五条 -> legal bases. A basis
 * without 《》 keeps the whole text as its title. Ids come from titles, so one law is one node.
 */
export function legalBases(cell: string): LegalBasis[] {
  const bases: LegalBasis[] = [];
  const seen = new Set<string>();
  for (const part of splitParagraphs(cell)) {
    const matches = [
      ...part.matchAll(/《([^》]+)》\s*(第[一二三四五六七八九十百零〇\d]+条(?:之[一二三四五六七八九十]+)?(?:第[一二三四五六七八九十百零〇\d]+款)?)?/g),
    ];
    const found = matches.length > 0 ? matches.map((m) => ({ title: m[1]!.trim(), article: m[2] })) : [{ title: part, article: undefined }];
    for (const { title, article } of found) {
      const id = `lb-${shortHash(title)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      bases.push({ id, title, ...(article ? { article } : {}) });
    }
  }
  return bases;
}

/**
 * A date-time as hotline exports write it (2021-03-02 23:15, 2021/3/2 23:15:00, 2021年3月2日
 * 23时15分, ISO) -> ISO 8601; without a zone it is China Standard Time (+08:00).
 */
export function dateTime(cell: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(cell)) return cell;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:时](\d{1,2})分?(?::(\d{1,2})秒?)?)?$/.exec(cell.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const pad = (v: string) => v.padStart(2, '0');
  const iso = `${y}-${pad(mo!)}-${pad(d!)}T${pad(h)}:${pad(mi)}:${pad(s)}+08:00`;
  const check = new Date(iso);
  return Number.isNaN(check.getTime()) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 ? undefined : iso;
}
