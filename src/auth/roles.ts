/**
 * Roles, weakest first; each role may do what the ones before it may: a dispatcher reads the
 * dashboards, an analyst dispatches, an editor analyses, an admin does everything.
 */
export const ROLES = ['viewer', 'dispatcher', 'analyst', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when `role` may do what `required` may. */
export function permits(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** Who is asking: a role, and a name for the records of what they change. */
export interface Principal {
  role: Role;
  /** `token:<id>` (with its label), or `anonymous`. */
  actor: string;
  /** A department's own token (a viewer that may also fill that department's evaluation forms). */
  department?: string | undefined;
  /** A body's own token (a viewer that may also enter that body's evaluation indicators). */
  body?: string | undefined;
}

/**
 * Whether a principal may act for a department's own records (its evaluation forms): its own
 * department's token, or anyone of `office` role or above. Row-level, beside the field-level
 * roles of the schema's @auth.
 */
export function actsFor(principal: Principal, department: string, office: Role): boolean {
  return principal.department === department || (!isScoped(principal) && permits(principal.role, office));
}

/** Whether a principal may enter a body's evaluation values: that body's token, or the office (`office` role or above). */
export function entersFor(principal: Principal, body: string, office: Role): boolean {
  return principal.body === body || (!isScoped(principal) && permits(principal.role, office));
}

const isScoped = (principal: Principal) => principal.department !== undefined || principal.body !== undefined;
