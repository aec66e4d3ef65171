/**
 * What complaints add to the routing tallies (cypher/tallies.cypher), as deltas: the one
 * definition of the tallies, used for complaints being written (from their records) and for
 * complaints in the graph (from their state read back). Pure.
 *
 *   per district and matter: complaints, bounced (reached more than one department, or refused
 *     or returned at least once), refused by all (routed, and taken by none), a few ids of each;
 *   per district (or none), matter and department: routes accepted, resolved, refused, returned;
 *   per matter, refusing department and the department sent to next: how many such refusals;
 *   per pair of departments (a < b) that one complaint reached: how many complaints.
 */

export interface ComplaintState {
  id: string;
  /** The district's code; undefined when the complaint has none. */
  district?: string | undefined;
  matters: string[];
  routes: { seq: number; outcome: string; department: string }[];
}

export interface TallyDeltas {
  matters: { region: string; matter: string; complaints: number; bounced: number; refusedByAll: number; bouncedIds: string[]; refusedIds: string[] }[];
  routes: { region: string; matter: string; department: string; accepted: number; resolved: number; refused: number; returned: number }[];
  refusals: { matter: string; refuser: string; next: string; complaints: number }[];
  coHandled: { a: string; b: string; complaints: number }[];
}

const TAKEN = new Set(['accepted', 'resolved']);
const TURNED_AWAY = new Set(['refused', 'returned']);
type Outcome = 'accepted' | 'resolved' | 'refused' | 'returned';

/**
 * The deltas of `complaints` times `sign` (+1 as they come in, -1 before they change). With
 * `onlyMatters`, only the rows of those matters (recounting some matters leaves the pairs of
 * departments, which are not per matter, alone).
 */
export function tallyDeltas(complaints: readonly ComplaintState[], sign: 1 | -1, onlyMatters?: ReadonlySet<string>): TallyDeltas {
  const matters = new Map<string, TallyDeltas['matters'][number]>();
  const routes = new Map<string, TallyDeltas['routes'][number]>();
  const refusals = new Map<string, TallyDeltas['refusals'][number]>();
  const coHandled = new Map<string, TallyDeltas['coHandled'][number]>();
  const entry = <T>(map: Map<string, T>, key: string, make: () => T): T => {
    let value = map.get(key);
    if (!value) map.set(key, (value = make()));
    return value;
  };
  for (const complaint of complaints) {
    const bounced = complaint.routes.length > 1 || complaint.routes.some((r) => TURNED_AWAY.has(r.outcome));
    const refusedByAll = complaint.routes.length > 0 && !complaint.routes.some((r) => TAKEN.has(r.outcome));
    const bySeq = new Map(complaint.routes.map((r) => [r.seq, r]));
    for (const matter of complaint.matters) {
      if (onlyMatters && !onlyMatters.has(matter)) continue;
      if (complaint.district !== undefined) {
        const m = entry(matters, `${complaint.district}|${matter}`, () => ({
          region: complaint.district!,
          matter,
          complaints: 0,
          bounced: 0,
          refusedByAll: 0,
          bouncedIds: [],
          refusedIds: [],
        }));
        m.complaints += sign;
        if (bounced) {
          m.bounced += sign;
          m.bouncedIds.push(complaint.id);
        }
        if (refusedByAll) {
          m.refusedByAll += sign;
          m.refusedIds.push(complaint.id);
        }
      }
      const region = complaint.district ?? '';
      for (const route of complaint.routes) {
        if (!(route.outcome in ZERO)) continue;
        const r = entry(routes, `${region}|${matter}|${route.department}`, () => ({ region, matter, department: route.department, ...ZERO }));
        r[route.outcome as Outcome] += sign;
        const next = TURNED_AWAY.has(route.outcome) ? bySeq.get(route.seq + 1) : undefined;
        if (next)
          entry(refusals, `${matter}|${route.department}|${next.department}`, () => ({
            matter,
            refuser: route.department,
            next: next.department,
            complaints: 0,
          })).complaints += sign;
      }
    }
    if (onlyMatters) continue;
    const departments = [...new Set(complaint.routes.map((r) => r.department))].sort();
    for (const [i, a] of departments.entries())
      for (const b of departments.slice(i + 1)) entry(coHandled, `${a}|${b}`, () => ({ a, b, complaints: 0 })).complaints += sign;
  }
  return { matters: [...matters.values()], routes: [...routes.values()], refusals: [...refusals.values()], coHandled: [...coHandled.values()] };
}

const ZERO: Record<Outcome, number> = { accepted: 0, resolved: 0, refused: 0, returned: 0 };
