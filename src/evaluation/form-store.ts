import { actsFor, permits, type Principal } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { useQueries } from '../db/named-queries.js';
import { AppError, ErrorCode } from '../errors.js';
import { boundaryHotline, boundaryItemFigures } from './hotline-figures.js';
import { readRoster } from './roster.js';
import { EVIDENCE_LIMIT, type MetricValue } from './metrics.js';
import {
  FORM_CONTENT,
  FORM_KINDS,
  FORM_TITLES,
  formWarnings,
  isLate,
  TRANSITIONS,
  type FormAction,
  type FormContent,
  type FormKind,
  type FormStatus,
} from './forms.js';

/**
 * The three forms in the graph (EvaluationForm nodes, one per department, kind and year):
 * opened by the office with a deadline and prefilled from the graph, filled and submitted by the
 * department (its own token, or the office), returned for correction or accepted by the office.
 * Every step is an event on the form (who, when, what); a step checks the status it starts from
 * in the same statement that writes, so two people cannot both submit or accept.
 */

const Q = useQueries(['evaluationFormPrefill', 'evaluationForms', 'evaluationForm', 'createEvaluationForms', 'updateEvaluationForm']);

export interface Form {
  id: string;
  year: number;
  department: string;
  kind: FormKind;
  title: string;
  status: FormStatus;
  dueAt: string;
  /** What the graph knew when the form was opened (JSON). */
  prefill: unknown;
  content: FormContent | null;
  submittedAt: string | null;
  firstSubmittedAt: string | null;
  reviewedAt: string | null;
  reviewedBy: string | null;
  returnReason: string | null;
  reminders: number;
  lastRemindedAt: string | null;
  late: boolean;
  /** What is still missing; `blocking` ones stop submission. */
  warnings: string[];
  blocking: string[];
  events: { at: string; by: string; action: string; note?: string }[];
}

interface StoredForm {
  id: string;
  year: number;
  department: string;
  kind: FormKind;
  status: FormStatus;
  dueAt: string;
  prefill: string;
  content: string | null;
  submittedAt?: string;
  firstSubmittedAt?: string;
  reviewedAt?: string;
  reviewedBy?: string;
  returnReason?: string;
  reminders: number;
  lastRemindedAt?: string;
  events: string[];
}

function toForm(stored: StoredForm, now = new Date()): Form {
  const prefill = JSON.parse(stored.prefill) as { boundaryItems?: { id: string }[] };
  const content = stored.content ? (JSON.parse(stored.content) as FormContent) : null;
  return {
    id: stored.id,
    year: stored.year,
    department: stored.department,
    kind: stored.kind,
    title: FORM_TITLES[stored.kind],
    status: stored.status,
    dueAt: stored.dueAt,
    prefill,
    content,
    submittedAt: stored.submittedAt ?? null,
    firstSubmittedAt: stored.firstSubmittedAt ?? null,
    reviewedAt: stored.reviewedAt ?? null,
    reviewedBy: stored.reviewedBy ?? null,
    returnReason: stored.returnReason ?? null,
    reminders: stored.reminders,
    lastRemindedAt: stored.lastRemindedAt ?? null,
    late: isLate(stored, now),
    ...formWarnings(stored.kind, content, prefill),
    events: stored.events.map((e) => JSON.parse(e) as Form['events'][number]),
  };
}

const event = (by: string, action: string, note?: string) => JSON.stringify({ at: new Date().toISOString(), by, action, ...(note ? { note } : {}) });

/** NOT_FOUND unless the department exists (token creation checks it). */
export async function assertDepartmentExists(db: Database, department: string): Promise<void> {
  const [row] = await db.read(Q.evaluationFormPrefill, { department, year: 0 });
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `department "${department}" does not exist`);
}

/** Opens the year's three forms for the roster's departments (or some), due at `dueAt`; open forms stay as they are. */
export async function openForms(
  db: Database,
  input: { year: number; dueAt: string; departments?: string[] | undefined; region?: string | undefined },
  by: string,
): Promise<{ opened: number; forms: number }> {
  if (Number.isNaN(Date.parse(input.dueAt))) throw new AppError(ErrorCode.BAD_USER_INPUT, `dueAt: "${input.dueAt}" is not an ISO 8601 date-time`);
  const roster = (await readRoster(db, input.region)).roster.map((d) => d.id);
  for (const d of input.departments ?? []) if (!roster.includes(d)) throw new AppError(ErrorCode.NOT_FOUND, `department "${d}" is not on the roster`);
  const departments = input.departments ?? roster;
  const before = (await db.read<{ form: StoredForm }>(Q.evaluationForms, { year: input.year, department: null })).length;
  // How the hotline fared on each boundary item before and after it took effect, for the boundary form.
  const hotline = new Map(
    boundaryItemFigures(await boundaryHotline(db, input.year)).map(({ id, before, bounceBefore, after, bounceAfter, connectionAfter }) => [
      id,
      { before, bounceBefore, after, bounceAfter, connectionAfter },
    ]),
  );
  const forms = [];
  for (const department of departments) {
    const [facts] = await db.read<Record<string, unknown> & { boundaryItems: { id: string }[] }>(Q.evaluationFormPrefill, { department, year: input.year });
    facts!.boundaryItems = facts!.boundaryItems.map((b) => ({ ...b, hotline: hotline.get(b.id) ?? null }));
    for (const kind of FORM_KINDS) {
      forms.push({
        id: `${input.year}/${department}/${kind}`,
        department,
        kind,
        prefill: JSON.stringify(prefillOf(kind, facts!)),
        event: event(by, 'open', input.dueAt),
      });
    }
  }
  await db.write(Q.createEvaluationForms, { forms, year: input.year, dueAt: input.dueAt });
  const after = (await db.read<{ form: StoredForm }>(Q.evaluationForms, { year: input.year, department: null })).length;
  return { opened: after - before, forms: after };
}

/** The part of the graph's facts each form shows. */
function prefillOf(kind: FormKind, facts: Record<string, unknown>): unknown {
  const { department, name } = facts;
  if (kind === 'results') return { department, name, items: facts.items, tasks: facts.tasks };
  if (kind === 'boundary') return { department, name, boundaryItems: facts.boundaryItems };
  return { department, name, sections: facts.sections };
}

/** The year's forms a principal may read: a department's token its own, the office (analyst and above) all. */
export async function listForms(db: Database, principal: Principal, year: number, department?: string): Promise<Form[]> {
  const scope = principal.department ?? department ?? null;
  if (principal.department && department && department !== principal.department) throw forbidden(principal, department);
  if (!principal.department && !permits(principal.role, 'analyst'))
    throw new AppError(ErrorCode.FORBIDDEN, "forms are read by their department's token or the office (analyst and above)");
  const rows = await db.read<{ form: StoredForm }>(Q.evaluationForms, { year, department: scope });
  return rows.map((r) => toForm(r.form));
}

const forbidden = (principal: Principal, department: string) =>
  new AppError(ErrorCode.FORBIDDEN, `${principal.actor} acts for ${principal.department ?? 'no department'}, not ${department}`);

async function readForm(db: Database, principal: Principal, id: string, office: 'analyst' | 'editor'): Promise<StoredForm> {
  // Scope first, from the department the id names (<year>/<department>/<kind>): a caller who may
  // not read that department's forms learns nothing, not even which of them exist.
  const named = id.split('/')[1] ?? '';
  if (!actsFor(principal, named, office)) throw forbidden(principal, named);
  const [row] = await db.read<{ form: StoredForm }>(Q.evaluationForm, { id });
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `no form "${id}" (ids look like <year>/<department>/results|boundary|sections)`);
  return row.form;
}

/** One form, for its department or the office. */
export async function getForm(db: Database, principal: Principal, id: string): Promise<Form> {
  return toForm(await readForm(db, principal, id, 'analyst'));
}

/** Writes one step of a form if it is still in a status the step may start from. */
async function step(db: Database, form: StoredForm, action: FormAction, changes: Record<string, unknown>, by: string, note?: string): Promise<Form> {
  const { from, to } = TRANSITIONS[action];
  if (!from.includes(form.status))
    throw new AppError(
      ErrorCode.CONFLICT,
      `form ${form.id} is ${form.status}: it cannot be ${action === 'save' ? 'changed' : `${action}ed`} (only when ${from.join(' or ')})`,
    );
  const [row] = await db.write<{ form: StoredForm }>(Q.updateEvaluationForm, {
    id: form.id,
    expectedStatus: form.status,
    changes: { ...changes, ...(to === 'unchanged' ? {} : { status: to }) },
    event: event(by, action, note),
  });
  if (!row) throw new AppError(ErrorCode.CONFLICT, `form ${form.id} changed while this ${action} was under way; read it again`);
  return toForm(row.form);
}

/** Saves what the department wrote (a draft or a returned form), and says what is still missing. */
export async function saveForm(db: Database, principal: Principal, id: string, content: unknown, by: string): Promise<Form> {
  const form = await readForm(db, principal, id, 'editor');
  const parsed = FORM_CONTENT[form.kind].safeParse(content);
  if (!parsed.success)
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `form ${id}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(content)'}: ${i.message}`).join('; ')}`,
    );
  return step(db, form, 'save', { content: JSON.stringify(parsed.data) }, by);
}

/** Submits a form; refused while its summary is empty (other gaps are warnings). */
export async function submitForm(db: Database, principal: Principal, id: string, by: string): Promise<Form> {
  const form = await readForm(db, principal, id, 'editor');
  const { blocking } = toForm(form);
  if (blocking.length > 0) throw new AppError(ErrorCode.BAD_USER_INPUT, `form ${id} cannot be submitted: ${blocking.join('；')}`);
  const now = new Date().toISOString();
  return step(db, form, 'submit', { submittedAt: now, firstSubmittedAt: form.firstSubmittedAt ?? now }, by);
}

/** The office returns a submitted form for correction (with the reason) or accepts it. */
export async function reviewForm(db: Database, principal: Principal, id: string, action: 'return' | 'accept', by: string, reason?: string): Promise<Form> {
  const form = await readForm(db, principal, id, 'editor');
  if (principal.department) throw new AppError(ErrorCode.FORBIDDEN, 'a department does not review its own forms');
  if (action === 'return' && !reason?.trim()) throw new AppError(ErrorCode.BAD_USER_INPUT, 'a form is returned with the reason (what to correct)');
  const now = new Date().toISOString();
  return step(db, form, action, { reviewedAt: now, reviewedBy: by, ...(action === 'return' ? { returnReason: reason!.trim() } : {}) }, by, reason);
}

/** Reminds every form past its deadline and not submitted (a reminder each call, recorded); returns them. */
export async function remindLateForms(db: Database, year: number, by: string, now = new Date()): Promise<Form[]> {
  const rows = await db.read<{ form: StoredForm }>(Q.evaluationForms, { year, department: null });
  const late = rows.map((r) => r.form).filter((f) => (f.status === 'draft' || f.status === 'returned') && isLate(f, now));
  const reminded: Form[] = [];
  for (const form of late) {
    const [row] = await db.write<{ form: StoredForm }>(Q.updateEvaluationForm, {
      id: form.id,
      expectedStatus: form.status,
      changes: { reminders: form.reminders + 1, lastRemindedAt: now.toISOString() },
      event: event(by, 'remind', `逾期未提交（截止 ${form.dueAt}）`),
    });
    if (row) reminded.push(toForm(row.form, now));
  }
  return reminded;
}

/** Per department, its late forms of the year (the forms.late metric). */
export async function lateForms(db: Database, year: number, now = new Date()): Promise<Map<string, MetricValue>> {
  const rows = await db.read<{ form: StoredForm }>(Q.evaluationForms, { year, department: null });
  const metrics = new Map<string, MetricValue>();
  for (const { form } of rows) {
    const metric = metrics.get(form.department) ?? { value: 0, evidence: [], basis: 0 };
    metric.basis++;
    if (isLate(form, now)) {
      metric.value = (metric.value ?? 0) + 1;
      if (metric.evidence.length < EVIDENCE_LIMIT) metric.evidence.push(form.id);
    }
    metrics.set(form.department, metric);
  }
  return metrics;
}
