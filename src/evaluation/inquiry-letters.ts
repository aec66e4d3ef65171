import { cityTime } from '../analysis/local-time.js';
import type { DepartmentHotline } from './hotline-figures.js';

/**
 * The inquiry letters (函询) of the verification, written from the graph: to the justice bureau
 * on the legal bases of the department's power items, and to the 12345 centre on its hotline
 * figures. In Chinese, as the office sends them. Pure.
 */

export const INQUIRY_RECIPIENTS = ['justice', 'hotline'] as const;
export type InquiryRecipient = (typeof INQUIRY_RECIPIENTS)[number];

const RECIPIENT_NAMES: Record<InquiryRecipient, string> = { justice: '市司法局', hotline: '市12345政务服务便民热线' };
/** Items named one by one in a letter; the rest are counted. */
const LISTED = 30;

export interface ItemBases {
  code: string;
  name: string;
  bases: { title: string; status: string }[];
}

const pct = (rate: number | null) => (rate === null ? '无' : `${(rate * 100).toFixed(1)}%`);
const listed = (lines: string[]) => [...lines.slice(0, LISTED), ...(lines.length > LISTED ? [`（另有${lines.length - LISTED}项，见附件）`] : [])];

/** A letter as the office sends it: title, addressee, body, closing, sender and date. */
function letter(title: string, to: InquiryRecipient, body: string[], writtenAt: string): string {
  return [title, '', `${RECIPIENT_NAMES[to]}：`, '', ...body, '', '特此函询。', '', '机构编制委员会办公室', cityTime(writtenAt)].join('\n');
}

/** The letter to the justice bureau: which items lack a basis or stand on repealed or amended ones. */
export function justiceLetter(year: number, department: string, items: ItemBases[], writtenAt: string): string {
  const none = items.filter((i) => i.bases.length === 0);
  const repealed = items.filter((i) => i.bases.length > 0 && i.bases.every((b) => b.status === 'repealed'));
  const amended = items.filter((i) => i.bases.some((b) => b.status === 'amended'));
  const titles = (bases: ItemBases['bases']) => bases.map((b) => `《${b.title}》`).join('、');
  return letter(
    `关于商请核实${department}权责事项法律依据的函`,
    'justice',
    [
      `根据${year}年度部门职能运行监管评估工作安排，现将${department}权责清单所列${items.length}项权责事项的设定依据情况函告如下，请协助核实依据是否现行有效、援引是否准确，并于收函后15个工作日内书面反馈。`,
      '',
      `一、无设定依据的事项（${none.length}项）`,
      ...listed(none.map((i) => `${i.code} ${i.name}`)),
      '',
      `二、依据已全部废止的事项（${repealed.length}项）`,
      ...listed(repealed.map((i) => `${i.code} ${i.name}：${titles(i.bases)}`)),
      '',
      `三、依据已修订、需核对条款的事项（${amended.length}项）`,
      ...listed(amended.map((i) => `${i.code} ${i.name}：${titles(i.bases.filter((b) => b.status === 'amended'))}`)),
    ],
    writtenAt,
  );
}

/** The letter to the 12345 centre: the department's figures of the year, to confirm and explain. */
export function hotlineLetter(year: number, department: string, figures: DepartmentHotline | undefined, writtenAt: string): string {
  const y = figures?.year;
  const rows = figures
    ? figures.months.map(
        (m) =>
          `${m.month}月：首派${m.receivedFirst}件，签收率${pct(m.connection)}，按时办结率${pct(m.onTimeRate)}，满意率${pct(m.satisfaction)}，退单及回退${m.refused + m.returned}次`,
      )
    : ['本年度无派至该部门的诉求记录。'];
  return letter(
    `关于商请核实${department}12345热线办理情况的函`,
    'hotline',
    [
      `根据${year}年度部门职能运行监管评估工作安排，现将我办掌握的${department}${year}年度12345热线诉求办理数据函告如下，请协助核实，并就退单、回退较多的诉求类型及原因提出意见，于收函后15个工作日内书面反馈。`,
      '',
      ...(y
        ? [
            `全年：首派${y.receivedFirst}件，签收率${pct(y.connection)}（标准99%），按时办结率${pct(y.onTimeRate)}（标准99%），满意率${pct(y.satisfaction)}（标准90%），退单率${pct(y.refusal)}，推诿流转率${pct(y.bounce)}。`,
          ]
        : []),
      ...rows,
    ],
    writtenAt,
  );
}
