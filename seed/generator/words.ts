import type { PowerItemType } from '../../src/model/records.js';

/** Chinese numerals for article numbers: 77 -> 七十七. */
export function chineseNumber(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n < 20) return '十' + (n % 10 ? digits[n % 10] : '');
  if (n < 100) return digits[Math.floor(n / 10)]! + '十' + (n % 10 ? digits[n % 10] : '');
  const rest = n % 100;
  return (
    digits[Math.floor(n / 100)]! + '百' + (rest === 0 ? '' : rest < 10 ? '零' + digits[rest] : rest < 20 ? '一' + chineseNumber(rest) : chineseNumber(rest))
  );
}

/** Two-letter type codes used in item codes (CF: 处罚, XK: 许可, …). */
export const TYPE_CODES: Record<PowerItemType, string> = {
  licensing: 'XK',
  penalty: 'CF',
  coercion: 'QZ',
  levy: 'ZS',
  benefit: 'JF',
  inspection: 'JC',
  confirmation: 'QR',
  reward: 'JL',
  adjudication: 'CJ',
  other: 'QT',
};

/** The item type a licence-like name suggests: 认定/登记 confirm, 补贴/救助/待遇 pay, else license. */
export function typeOfPermit(name: string): PowerItemType {
  if (/补贴|救助|抚恤|保险金|待遇|津贴|报销|提取|贷款|保障|供养|褒扬/.test(name)) return 'benefit';
  if (/认定|登记|备案|核定|鉴定/.test(name)) return 'confirmation';
  return 'licensing';
}

/** Task wordings of a section; {domain} is the section's field, {object}/{permit} the department's. */
export const TASK_TEMPLATES = [
  '负责{permit}的受理、审查和决定',
  '组织开展对{object}的监督检查',
  '依法查处{object}的违法违规行为',
  '起草{domain}方面的政策措施和工作规划',
  '承担{domain}相关统计分析和信息报送工作',
  '指导县区{domain}工作',
  '负责{domain}领域投诉举报的受理和调查处理',
  '建立{domain}工作台账并组织督导考核',
  '牵头开展{domain}专项整治行动',
  '承担{domain}相关标准规范的宣传贯彻',
  '配合做好{domain}突发事件应急处置',
  '负责{object}信用信息的归集和公示',
  '组织{domain}业务培训和能力建设',
  '承担{domain}重大课题调研',
  '完成领导交办的其他{domain}事项',
  '负责{permit}的事中事后监管',
  '承担{object}年度报告和信息公示的抽查',
  '组织{domain}“双随机、一公开”抽查计划的实施',
  '负责{domain}行政处罚案件的调查取证',
  '承担{domain}行政复议和应诉的相关工作',
  '负责{domain}数据的统计、分析和发布',
  '组织编制{domain}年度工作要点',
  '负责{domain}领域安全生产工作',
  '承担{domain}信息化建设和系统运维',
  '负责{object}的信用分级分类监管',
  '承办{domain}方面的人大代表建议和政协提案',
  '负责{domain}相关的政务服务事项办理',
];

export const OFFICE_TASKS = [
  '负责机关文电、会务、机要、档案等日常运转工作',
  '承担机关财务管理和国有资产管理',
  '负责政务公开、信息宣传和网站管理',
  '承担人大代表建议和政协委员提案办理',
  '负责机关安全保卫和后勤保障',
  '承担机关干部人事和机构编制工作',
  '组织协调重要工作的督查督办',
  '负责机关党建和精神文明建设',
  '承担行政规范性文件合法性审核',
  '负责12345热线转办件的办理和答复',
];

/** Aspects of a contested matter that boundary items divide. */
export const BOUNDARY_ASPECTS = [
  '日常监管',
  '投诉举报处理',
  '执法查处',
  '审批与监管衔接',
  '应急处置',
  '信息共享',
  '专项整治',
  '源头管控',
  '宣传引导',
  '联合执法',
  '标准制定',
  '督查考核',
];
