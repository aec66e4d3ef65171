import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { AppError, ErrorCode } from '../errors.js';
import { cityTime } from '../analysis/local-time.js';
import { listForms } from './form-store.js';
import { FORM_TITLES } from './forms.js';
import { hotlineFigures } from './hotline-figures.js';
import { hotlineLetter, justiceLetter, type InquiryRecipient, type ItemBases } from './inquiry-letters.js';
import { listProblems } from './ledger.js';

/**
 * The verification of drawn or piloted departments, the "five ones" (五个一): one report, one
 * inquiry letter (to the justice bureau and the 12345 centre, answers recorded), one
 * questionnaire (answered anonymously by heads of sections and institutions; only the tallies
 * are kept), one meeting with one-to-one talks (notes), and one ledger (ledger.ts).
 */

const Q = useQueries([
  'startVerification',
  'verification',
  'verifications',
  'appendVerificationNote',
  'addQuestionnaireAnswers',
  'inquiryLegalBases',
  'evaluationDraw',
  'evaluationDepartmentName',
]);

/** The questionnaire's statements, each answered 1 (strongly disagree) to 5 (strongly agree). */
export const QUESTIONNAIRE = [
  '本部门“三定”规定的职责在各科室间分工明确',
  '本科室承担的权责事项与实际工作一致',
  '本科室编制与工作量相适应',
  '与其他部门的职责边界清楚，没有推诿扯皮',
  '牵头或配合的职责边界事项运行顺畅',
  '权责清单随法律法规变化及时调整',
  '12345热线诉求能够准确派到本部门',
  '承担的事项有明确的履职规范和流程',
] as const;
const CHOICES = 5;

export interface Verification {
  id: string;
  year: number;
  department: string;
  basis: 'draw' | 'pilot';
  draw: string | null;
  startedAt: string;
  startedBy: string;
  inquiries: { to: InquiryRecipient; answer: string; by: string; at: string }[];
  talks: { with: string; notes: string; by: string; at: string }[];
  /** How many answered the questionnaire, and per statement how many chose 1…5 and the mean. */
  respondents: number;
  questionnaire: { statement: string; counts: number[]; mean: number | null }[];
}

interface Stored extends Omit<Verification, 'inquiries' | 'talks' | 'questionnaire' | 'draw'> {
  draw?: string;
  inquiries: string[];
  talks: string[];
  answers: number[];
}

function toVerification(stored: Stored): Verification {
  return {
    id: stored.id,
    year: stored.year,
    department: stored.department,
    basis: stored.basis,
    draw: stored.draw ?? null,
    startedAt: stored.startedAt,
    startedBy: stored.startedBy,
    inquiries: stored.inquiries.map((n) => JSON.parse(n) as Verification['inquiries'][number]),
    talks: stored.talks.map((n) => JSON.parse(n) as Verification['talks'][number]),
    respondents: stored.respondents,
    questionnaire: QUESTIONNAIRE.map((statement, q) => {
      const counts = Array.from({ length: CHOICES }, (_, c) => stored.answers[q * CHOICES + c] ?? 0);
      const answered = counts.reduce((a, b) => a + b, 0);
      return { statement, counts, mean: answered === 0 ? null : Math.round((counts.reduce((sum, n, c) => sum + n * (c + 1), 0) / answered) * 100) / 100 };
    }),
  };
}

/** Starts the verification of the departments a recorded draw drew, or of piloted ones named by hand. */
export async function startVerification(
  db: Database,
  input: { year: number; draw?: string | undefined; departments?: string[] | undefined },
  by: string,
): Promise<Verification[]> {
  let departments = input.departments ?? [];
  if (input.draw) {
    const [draw] = await db.read<{ year: number; result: string }>(Q.evaluationDraw, { id: input.draw });
    if (!draw) throw new AppError(ErrorCode.NOT_FOUND, `no recorded draw "${input.draw}" (draw with --record to keep one)`);
    if (draw.year !== input.year) throw new AppError(ErrorCode.BAD_USER_INPUT, `draw ${input.draw} was for ${draw.year}, not ${input.year}`);
    departments = (JSON.parse(draw.result) as { id: string }[]).map((d) => d.id);
  }
  if (departments.length === 0) throw new AppError(ErrorCode.BAD_USER_INPUT, 'name a recorded draw or the piloted departments');
  const rows = await db.write<{ id: string }>(Q.startVerification, {
    year: input.year,
    departments,
    basis: input.draw ? 'draw' : 'pilot',
    draw: input.draw ?? null,
    at: new Date().toISOString(),
    by,
  });
  if (rows.length < departments.length) throw new AppError(ErrorCode.NOT_FOUND, `some of ${departments.join(', ')} do not exist`);
  return Promise.all(rows.map((r) => getVerification(db, r.id)));
}

async function getVerification(db: Database, id: string): Promise<Verification> {
  const [row] = await db.read<{ verification: Stored }>(Q.verification, { id });
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `no verification "${id}" (ids look like <year>/<department>; start one first)`);
  return toVerification(row.verification);
}

export async function listVerifications(db: Database, year: number): Promise<Verification[]> {
  return (await db.read<{ verification: Stored }>(Q.verifications, { year })).map((r) => toVerification(r.verification));
}

/** The inquiry letter to one recipient, written from the graph. */
export async function inquiryLetter(db: Database, id: string, to: InquiryRecipient): Promise<string> {
  const verification = await getVerification(db, id);
  const { department, year } = verification;
  const now = new Date().toISOString();
  if (to === 'justice') {
    const items = await db.read<ItemBases>(Q.inquiryLegalBases, { department });
    return justiceLetter(year, await departmentName(db, department), items, now);
  }
  const figures = await hotlineFigures(db, year, [department]);
  return hotlineLetter(year, await departmentName(db, department), figures.departments[0], now);
}

async function departmentName(db: Database, department: string): Promise<string> {
  const [row] = await db.read<{ name: string }>(Q.evaluationDepartmentName, { department });
  return row?.name ?? department;
}

const text = (value: string, what: string, max = 5000) => {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > max) throw new AppError(ErrorCode.BAD_USER_INPUT, `${what}: 1 to ${max} characters`);
  return trimmed;
};

/** Records a recipient's answer to the inquiry letter. */
export async function recordInquiryAnswer(db: Database, id: string, to: InquiryRecipient, answer: string, by: string): Promise<Verification> {
  await getVerification(db, id);
  const note = JSON.stringify({ to, answer: text(answer, 'answer'), by, at: new Date().toISOString() });
  await db.write(Q.appendVerificationNote, { id, list: 'inquiries', note });
  return getVerification(db, id);
}

/** Records the notes of one talk of the meeting (with whom: a role, not necessarily a name). */
export async function recordTalk(db: Database, id: string, talk: { with: string; notes: string }, by: string): Promise<Verification> {
  await getVerification(db, id);
  const note = JSON.stringify({ with: text(talk.with, 'with', 200), notes: text(talk.notes, 'notes', 20_000), by, at: new Date().toISOString() });
  await db.write(Q.appendVerificationNote, { id, list: 'talks', note });
  return getVerification(db, id);
}

/** Adds one respondent's answers (1–5 for each statement, in order) to the tallies; nothing of the respondent is kept. */
export async function answerQuestionnaire(db: Database, id: string, answers: number[]): Promise<{ respondents: number }> {
  if (answers.length !== QUESTIONNAIRE.length || answers.some((a) => !Number.isInteger(a) || a < 1 || a > CHOICES))
    throw new AppError(ErrorCode.BAD_USER_INPUT, `the questionnaire takes ${QUESTIONNAIRE.length} answers, each 1 to ${CHOICES}`);
  await getVerification(db, id);
  const tally = QUESTIONNAIRE.flatMap((_, q) => Array.from({ length: CHOICES }, (__, c) => (answers[q] === c + 1 ? 1 : 0)));
  const [row] = await db.write<{ respondents: number }>(Q.addQuestionnaireAnswers, { id, tally });
  return { respondents: row!.respondents };
}

/** The verification report (一份报告) of one department, in Chinese: forms, inquiries, questionnaire, talks, ledger. */
export async function verificationReport(db: Database, id: string): Promise<string> {
  const v = await getVerification(db, id);
  const name = await departmentName(db, v.department);
  const forms = await listForms(db, { role: 'admin', actor: 'report' }, v.year, v.department);
  const problems = await listProblems(db, v.year, v.department);
  const lines = [
    `# ${name}${v.year}年度职能运行情况核查报告`,
    '',
    `核查方式：${v.basis === 'draw' ? `“双随机”抽取（抽取记录 ${v.draw}）` : '试点核查'}；启动于${cityTime(v.startedAt)}。`,
    '',
    '## 一、“三张表”填报情况',
    ...(forms.length
      ? forms.map(
          (f) =>
            `- ${FORM_TITLES[f.kind]}：${{ draft: '草稿', submitted: '已提交', returned: '已退回', accepted: '已通过' }[f.status]}${f.late ? '（逾期）' : ''}`,
        )
      : ['- 未开展填报']),
    '',
    '## 二、函询情况',
    ...(v.inquiries.length
      ? v.inquiries.map((i) => `- ${i.to === 'justice' ? '市司法局' : '12345热线'}（${cityTime(i.at)}）：${i.answer}`)
      : ['- 尚未收到回复']),
    '',
    `## 三、问卷调查（${v.respondents}份，匿名）`,
    ...v.questionnaire.map((q) => `- ${q.statement}：平均${q.mean ?? '—'}分（1—5分）`),
    '',
    `## 四、座谈与个别谈话（${v.talks.length}人次）`,
    ...v.talks.map((t) => `- ${t.with}：${t.notes}`),
    '',
    `## 五、问题整改台账（${problems.length}个，已销号${problems.filter((p) => p.status === 'closed').length}个，逾期${problems.filter((p) => p.overdue).length}个）`,
    ...problems.map(
      (p) =>
        `- ${p.description}（责任人：${p.owner}；时限：${cityTime(p.deadline)}；${{ open: '整改中', closed: '已销号', reopened: '已重新打开' }[p.status]}）`,
    ),
  ];
  return lines.join('\n') + '\n';
}
