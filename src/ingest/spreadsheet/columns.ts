import type { RecordFile } from '../../model/record-kinds.js';

/**
 * How the columns of real lists map to bundle fields. Headers are matched after removing
 * blanks, full-width brackets and a trailing "（必填）"; each field accepts the common variants.
 * The README's "Spreadsheet columns" section is generated from the same words, keep them in step.
 */

interface ColumnSpec {
  field: string;
  headers: string[];
  required?: boolean;
}

export interface SheetKind {
  file: RecordFile;
  /** What analysts call the list. */
  title: string;
  columns: ColumnSpec[];
  /** At least one of these fields must have a column too (what tells this list from a bare list of names). */
  anyOf?: string[];
}

const SHEET_KINDS: SheetKind[] = [
  {
    file: 'powerItems',
    title: '权责清单',
    // Real lists: 事项名称 with 子项名称, the type as a column or as the sheet's name
    // ("行政处罚（5项）"), the body as 行使主体/实施主体/责任主体, mostly no code (an id is then
    // derived from department, name and sub-item: see convert-row.ts).
    columns: [
      { field: 'code', headers: ['事项编码', '权责事项编码', '事项代码', '职权编码', '权力编码', '编码'] },
      { field: 'name', headers: ['事项名称', '权责事项名称', '权责事项', '职权名称', '权力名称', '权力事项名称', '项目', '项目名称'], required: true },
      { field: 'subItem', headers: ['子项名称', '子项', '子项事项名称', '子事项名称'] },
      { field: 'type', headers: ['事项类型', '权力类型', '职权类别', '职权类型', '权责类型', '权力类别', '事项类别', '类型'] },
      { field: 'department', headers: ['实施主体', '行使主体', '责任主体', '实施部门', '实施机关', '责任部门', '行使部门'] },
      { field: 'level', headers: ['实施层级', '行使层级', '层级', '实施层级及权限'] },
      { field: 'legalBasis', headers: ['设定依据', '法律依据', '实施依据', '设定和实施依据', '法定依据'] },
      { field: 'supervision', headers: ['监管责任', '责任事项', '追责情形', '追责情形及依据', '责任事项内容'] },
      { field: 'sections', headers: ['内设机构', '承办机构', '承办科室', '实施机构', '科室', '责任科室', '承办处室'] },
      { field: 'description', headers: ['备注', '事项描述', '说明'] },
      { field: 'correspondsTo', headers: ['对应市级事项编码', '市级事项编码', '对应事项编码'] },
      { field: 'matters', headers: ['涉及事项', '所属领域'] },
    ],
    anyOf: ['type', 'legalBasis', 'department', 'code'],
  },
  {
    file: 'sections',
    title: '三定规定（内设机构）',
    columns: [
      { field: 'department', headers: ['部门名称', '单位名称', '部门', '单位'], required: true },
      { field: 'name', headers: ['内设机构', '内设机构名称', '机构名称', '科室', '处室'], required: true },
      { field: 'posts', headers: ['行政编制', '编制数', '核定编制', '编制'], required: true },
      { field: 'staffed', headers: ['实有人数', '在编人数', '实有人员'] },
    ],
  },
  {
    file: 'tasks',
    title: '职责任务清单',
    columns: [
      { field: 'department', headers: ['部门名称', '单位名称', '所属部门', '部门', '单位'], required: true },
      { field: 'section', headers: ['内设机构', '科室', '处室', '承办科室'], required: true },
      { field: 'name', headers: ['工作任务', '科室工作任务', '任务名称', '职责任务'], required: true },
      { field: 'id', headers: ['任务编号', '编号'] },
      { field: 'flowchart', headers: ['流程图', '有无流程图'] },
      { field: 'norm', headers: ['工作规范', '工作规程', '有无工作规范'] },
      { field: 'matters', headers: ['涉及事项', '所属领域'] },
    ],
  },
  {
    file: 'boundaryItems',
    title: '职责边界清单',
    columns: [
      { field: 'title', headers: ['边界事项', '职责边界事项', '事项名称'], required: true },
      { field: 'lead', headers: ['牵头部门', '主办部门', '牵头单位', '牵头科室'], required: true },
      { field: 'matters', headers: ['涉及事项', '所属领域', '事项分类'], required: true },
      { field: 'cooperating', headers: ['配合部门', '协办部门', '配合单位', '配合科室'] },
      { field: 'text', headers: ['职责分工', '具体内容', '边界描述', '事项内容', '职责划分'] },
      { field: 'id', headers: ['边界事项编号', '编号'] },
      { field: 'region', headers: ['适用区域', '所属区域', '区域'] },
      { field: 'batch', headers: ['批次'] },
      { field: 'status', headers: ['状态', '发布状态'] },
    ],
  },
  {
    file: 'complaints',
    title: '12345热线工单',
    columns: [
      { field: 'id', headers: ['工单编号', '工单号', '受理编号'], required: true },
      { field: 'text', headers: ['诉求内容', '来电内容', '反映内容', '工单内容'], required: true },
      { field: 'receivedAt', headers: ['受理时间', '来电时间', '登记时间'], required: true },
      { field: 'district', headers: ['所属区县', '区县', '所属区域', '行政区划'] },
      { field: 'matter', headers: ['诉求分类', '事项分类', '问题分类'] },
      { field: 'department', headers: ['承办单位', '处理单位', '办理单位'] },
      { field: 'outcome', headers: ['办理结果', '办理状态', '处理结果'] },
      { field: 'reason', headers: ['退单原因', '退回原因'] },
      { field: 'at', headers: ['派单时间', '办结时间', '办理时间'] },
      { field: 'satisfied', headers: ['是否满意', '满意度', '回访结果'] },
      { field: 'dueAt', headers: ['办理时限', '应办结时间', '截止时间', '到期时间'] },
      { field: 'closedAt', headers: ['结案时间', '实际办结时间', '办结日期'] },
      { field: 'rating', headers: ['评价星级', '满意度评分', '评分'] },
    ],
  },
];

/** Every header word some list knows (normalised): what a header row is made of. */
export const KNOWN_HEADERS = new Set(SHEET_KINDS.flatMap((kind) => kind.columns.flatMap((column) => column.headers)));

/** A header as compared: no blanks, half-width brackets, no "（必填）"-style notes. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]$/, '')
    .replace(/[：:*]/g, '');
}

export interface ColumnMapping {
  kind: SheetKind;
  /** Column index of each mapped field. */
  indexOf: Map<string, number>;
  /** Headers of the columns not read (real lists carry many: 部门职责, 追责对象范围, 序号 …). */
  ignored: string[];
}

/**
 * Tells which list a header belongs to: the kind all of whose required columns (and one of its
 * `anyOf`) are present, preferring the one that maps most columns; a field takes the first
 * column its words name (a header merged over two columns names both). Returns the problem when
 * none fits.
 */
export function mapColumns(header: string[]): { mapping?: ColumnMapping; problems: string[] } {
  const normalized = header.map(normalizeHeader);
  const candidates = SHEET_KINDS.map((kind) => {
    const indexOf = new Map<string, number>();
    for (const column of kind.columns) {
      const index = normalized.findIndex((h, i) => column.headers.includes(h) && ![...indexOf.values()].includes(i));
      if (index >= 0) indexOf.set(column.field, index);
    }
    const complete = kind.columns.every((c) => !c.required || indexOf.has(c.field)) && (!kind.anyOf || kind.anyOf.some((f) => indexOf.has(f)));
    return { kind, indexOf, complete };
  })
    .filter((c) => c.complete)
    .sort((a, b) => b.indexOf.size - a.indexOf.size);
  const best = candidates[0];
  if (!best) {
    const wanted = SHEET_KINDS.map(
      (k) =>
        `${k.title} (${k.columns
          .filter((c) => c.required)
          .map((c) => c.headers[0])
          .join('、')})`,
    ).join('; ');
    return { problems: [`cannot tell which list this is; its header needs the columns of one of: ${wanted}`] };
  }
  const used = new Set(best.indexOf.values());
  const ignored = [
    ...new Set(normalized.filter((h, i) => h !== '' && !used.has(i) && !normalized.slice(0, i).some((earlier, j) => earlier === h && used.has(j)))),
  ];
  return { mapping: { kind: best.kind, indexOf: best.indexOf, ignored }, problems: [] };
}
