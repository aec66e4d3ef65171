import { z } from 'zod';

/**
 * The three forms ("3" of "1 + 3") each department fills every year: the annual results of its
 * functions, its performance on the boundary items it leads or cooperates on, and proposals to
 * adjust its sections' duties. What each form holds, what makes it incomplete, how it moves from
 * draft to accepted, and when it is late. Pure.
 */

export const FORM_KINDS = ['results', 'boundary', 'sections'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const FORM_TITLES: Record<FormKind, string> = {
  results: '年度职能运行情况表',
  boundary: '职责边界事项履职情况表',
  sections: '内设机构职责调整建议表',
};

export type FormStatus = 'draft' | 'submitted' | 'returned' | 'accepted';

const text = (max: number) => z.string().trim().max(max);
const Material = z.strictObject({ name: text(200).min(1), reference: text(1000).optional() });

/** What a department writes in each form (the graph's facts are in the form's prefill). */
export const FORM_CONTENT = {
  results: z.strictObject({
    summary: text(5000).default(''),
    achievements: z.array(text(1000)).max(50).default([]),
    problems: z.array(text(1000)).max(50).default([]),
    materials: z.array(Material).max(50).default([]),
  }),
  boundary: z.strictObject({
    summary: text(5000).default(''),
    items: z
      .array(z.strictObject({ boundaryItem: text(200).min(1), performance: text(2000).min(1) }))
      .max(500)
      .default([]),
    materials: z.array(Material).max(50).default([]),
  }),
  sections: z.strictObject({
    summary: text(5000).default(''),
    proposals: z
      .array(z.strictObject({ section: text(200).min(1), change: text(2000).min(1), reason: text(2000).min(1) }))
      .max(200)
      .default([]),
    materials: z.array(Material).max(50).default([]),
  }),
} as const;

export type FormContent = z.infer<(typeof FORM_CONTENT)[FormKind]>;

/** The prefill's boundary items a boundary form should speak of. */
export interface FormPrefill {
  boundaryItems?: { id: string }[];
}

/** What is still missing from a form (Chinese, for the department); an empty summary blocks submission. */
export function formWarnings(kind: FormKind, content: FormContent | null, prefill: FormPrefill): { blocking: string[]; warnings: string[] } {
  const blocking: string[] = [];
  const warnings: string[] = [];
  if (!content || content.summary === '') blocking.push('未填写总体情况');
  if (!content || content.materials.length === 0) warnings.push('未附佐证材料');
  if (kind === 'boundary') {
    const reported = new Set(content && 'items' in content ? content.items.map((i) => i.boundaryItem) : []);
    for (const item of prefill.boundaryItems ?? []) if (!reported.has(item.id)) warnings.push(`未填写边界事项 ${item.id} 的履职情况`);
  }
  if (kind === 'results' && content && 'achievements' in content && content.achievements.length === 0) warnings.push('未填写主要成效');
  return { blocking, warnings };
}

export type FormAction = 'save' | 'submit' | 'return' | 'accept';

/** The statuses an action may start from, and where it leads (saving leaves a returned form returned). */
export const TRANSITIONS: Record<FormAction, { from: readonly FormStatus[]; to: FormStatus | 'unchanged' }> = {
  save: { from: ['draft', 'returned'], to: 'unchanged' },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  return: { from: ['submitted'], to: 'returned' },
  accept: { from: ['submitted'], to: 'accepted' },
};

/** A form is late when first submitted after its deadline, or not submitted by then and still not now. */
export function isLate(form: { dueAt: string; firstSubmittedAt?: string | null }, now: Date): boolean {
  const due = Date.parse(form.dueAt);
  return form.firstSubmittedAt ? Date.parse(form.firstSubmittedAt) > due : now.getTime() > due;
}
