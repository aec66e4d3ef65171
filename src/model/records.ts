import { z } from 'zod';

/**
 * The records of the dutygraph bundle format (dutygraph-bundle/1, docs/bundle-format.md).
 * This is the single definition of a record: import, export, the API and tests all use it.
 * Every object is strict: an unknown field is an error, so a typo cannot silently drop data.
 */

/** An id chosen by the data owner: non-empty, no surrounding blanks. */
const id = z.string().trim().min(1, 'must not be empty').max(200, 'Too big: at most 200 characters');
/** Names and titles; real ones are far shorter, and a cap keeps a runaway cell out of the graph. */
const text = z.string().trim().min(1, 'must not be empty').max(1000, 'Too big: at most 1,000 characters');
/** Free text: complaint texts, boundary item texts, descriptions. */
const longText = z.string().trim().min(1, 'must not be empty').max(20_000, 'Too big: at most 20,000 characters');
const count = z.number().int('must be an integer').min(0, 'must be ≥ 0');
const isoDateTime = z.iso.datetime({ offset: true, local: true, message: 'must be an ISO 8601 date-time' });

export const REGION_LEVELS = ['province', 'city', 'county', 'district', 'zone'] as const;
export const DEPARTMENT_KINDS = ['government', 'party', 'mass', 'institution', 'vertical'] as const;
export const POWER_ITEM_TYPES = [
  'licensing',
  'penalty',
  'coercion',
  'levy',
  'benefit',
  'inspection',
  'confirmation',
  'reward',
  'adjudication',
  'other',
] as const;
export const ITEM_LEVELS = ['city', 'county', 'both'] as const;
const LEGAL_STATUSES = ['in_force', 'amended', 'repealed'] as const;
const BOUNDARY_STATUSES = ['draft', 'published', 'retired'] as const;
export const ROUTE_OUTCOMES = ['accepted', 'refused', 'returned', 'resolved'] as const;
export const BUNDLE_FORMAT = 'dutygraph-bundle/1';

export const manifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT, { message: `must be "${BUNDLE_FORMAT}"` }),
  name: text,
  createdAt: isoDateTime.optional(),
});

export const regionSchema = z.strictObject({
  code: id,
  name: text,
  level: z.enum(REGION_LEVELS),
  parent: id.optional(),
});

export const departmentSchema = z.strictObject({
  id,
  name: text,
  region: id,
  kind: z.enum(DEPARTMENT_KINDS).optional(),
  aliases: z.array(text).optional(),
  coordinator: z.boolean().optional(),
});

export const sectionSchema = z.strictObject({
  id,
  department: id,
  name: text,
  posts: count,
  staffed: count.optional(),
});

export const matterSchema = z.strictObject({
  id,
  name: text,
  keywords: z.array(text).optional(),
  parent: id.optional(),
});

const legalBasisSchema = z.strictObject({
  id,
  title: text,
  article: text.optional(),
  status: z.enum(LEGAL_STATUSES).optional(),
});

export const powerItemSchema = z.strictObject({
  code: id,
  name: text,
  type: z.enum(POWER_ITEM_TYPES),
  department: id,
  sections: z.array(id).optional(),
  level: z.enum(ITEM_LEVELS).optional(),
  description: longText.optional(),
  legalBasis: z.array(legalBasisSchema).optional(),
  supervision: z.array(text).optional(),
  matters: z.array(id).optional(),
  correspondsTo: id.optional(),
});

export const serviceItemSchema = z.strictObject({
  code: id,
  name: text,
  level: z.enum(['city', 'county']),
  powerItem: id.optional(),
});

export const taskSchema = z.strictObject({
  id,
  section: id,
  name: text,
  flowchart: z.boolean().optional(),
  norm: z.boolean().optional(),
  matters: z.array(id).optional(),
});

export const boundaryItemSchema = z
  .strictObject({
    id,
    title: text,
    text: longText.optional(),
    scope: z.enum(['department', 'section']),
    region: id.optional(),
    lead: id,
    cooperating: z.array(id).optional(),
    matters: z.array(id).min(1, 'must name at least one matter'),
    status: z.enum(BOUNDARY_STATUSES).default('published'),
    batch: z.union([text, z.number().int()]).optional(),
    /** When it took effect (for the hotline figures before and after it); publishing one in dutygraph records it too. */
    publishedAt: isoDateTime.optional(),
  })
  .refine((item) => !(item.cooperating ?? []).includes(item.lead), {
    message: 'the lead cannot also be cooperating',
    path: ['cooperating'],
  });

const routeSchema = z.strictObject({
  department: id,
  at: isoDateTime,
  outcome: z.enum(ROUTE_OUTCOMES),
  reason: text.optional(),
});

/** False only when both instants are given, valid, and `later` is before `earlier` (a malformed one is reported by its own check). */
const notBefore = (earlier: string | undefined, later: string | undefined) => !(Date.parse(later ?? '') < Date.parse(earlier ?? ''));

export const complaintSchema = z
  .strictObject({
    id,
    text: longText,
    receivedAt: isoDateTime,
    district: id.optional(),
    matter: id.optional(),
    routes: z.array(routeSchema).optional(),
    satisfied: z.boolean().optional(),
    /** When the hotline's time limit for it runs out (for on-time completion). */
    dueAt: isoDateTime.optional(),
    /** When it was closed (办结). */
    closedAt: isoDateTime.optional(),
    /** The citizen's rating at the return visit, 1 (very dissatisfied) to 5 (very satisfied). */
    rating: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').optional(),
  })
  .refine((c) => notBefore(c.receivedAt, c.closedAt), { message: 'cannot be before receivedAt', path: ['closedAt'] })
  .refine((c) => notBefore(c.receivedAt, c.dueAt), { message: 'cannot be before receivedAt', path: ['dueAt'] });

export const volumeSchema = z.strictObject({
  powerItem: id,
  section: id.optional(),
  year: z.number().int().min(1949, 'must be a year').max(2200, 'must be a year'),
  received: count,
  completed: count,
});

export type Manifest = z.infer<typeof manifestSchema>;
export type Region = z.infer<typeof regionSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Matter = z.infer<typeof matterSchema>;
export type LegalBasis = z.infer<typeof legalBasisSchema>;
export type PowerItem = z.infer<typeof powerItemSchema>;
export type ServiceItem = z.infer<typeof serviceItemSchema>;
export type Task = z.infer<typeof taskSchema>;
export type BoundaryItem = z.infer<typeof boundaryItemSchema>;
export type Route = z.infer<typeof routeSchema>;
export type Complaint = z.infer<typeof complaintSchema>;
export type Volume = z.infer<typeof volumeSchema>;
export type PowerItemType = (typeof POWER_ITEM_TYPES)[number];
export type RegionLevel = (typeof REGION_LEVELS)[number];
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export type ItemLevel = (typeof ITEM_LEVELS)[number];
export type RouteOutcome = (typeof ROUTE_OUTCOMES)[number];
