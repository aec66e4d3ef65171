import ExcelJS from 'exceljs';
import type { Scorecards } from './scorecard.js';
import { formatValue } from './scorecard-report.js';

/** The scorecards as an Excel workbook: a summary sheet and one row per department and indicator. */
export async function scorecardsWorkbook(cards: Scorecards): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet('总表');
  summary.columns = [
    { header: '排名', key: 'rank', width: 6 },
    { header: '部门编码', key: 'department', width: 14 },
    { header: '部门', key: 'name', width: 28 },
    { header: '总分', key: 'total', width: 8 },
    { header: '较上年', key: 'change', width: 8 },
    { header: '一票否决', key: 'vetoes', width: 10 },
    { header: '主要失分', key: 'problems', width: 60 },
    { header: '表扬', key: 'commendations', width: 40 },
  ];
  for (const d of cards.departments) {
    summary.addRow({
      ...d,
      change: d.change ?? '',
      vetoes: d.vetoes.join('、'),
      problems: d.problems
        .slice(0, 5)
        .map((p) => `${p.name}（-${p.lost}）`)
        .join('；'),
      commendations: d.commendations.map((c) => c.text).join('；'),
    });
  }
  const details = workbook.addWorksheet('指标明细');
  details.columns = [
    { header: '部门', key: 'department', width: 28 },
    { header: '指标编号', key: 'id', width: 10 },
    { header: '指标', key: 'name', width: 40 },
    { header: '权重', key: 'weight', width: 8 },
    { header: '数值', key: 'value', width: 10 },
    { header: '得分', key: 'points', width: 8 },
    { header: '说明', key: 'note', width: 24 },
    { header: '依据', key: 'evidence', width: 60 },
  ];
  for (const d of cards.departments) {
    for (const i of d.indicators) {
      details.addRow({
        department: d.name,
        id: i.id,
        name: [...i.path, i.name].join(' / '),
        weight: i.weight,
        value: formatValue(i),
        points: i.points,
        note: i.note,
        evidence: i.entry ? `${i.entry.by} ${i.entry.at}` : i.evidence.join('、'),
      });
    }
  }
  for (const sheet of [summary, details]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
