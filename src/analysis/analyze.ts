import { BoundaryCoverage } from './boundary-coverage.js';
import { findCommunities, type Community } from './communities.js';
import { ComplaintStats } from './complaint-stats.js';
import { FINDING_KINDS, type Finding, type FindingKind, type Named } from './findings.js';
import { collectHoldings } from './holdings.js';
import { findLatentOverlaps } from './latent-overlaps.js';
import { findListGaps } from './list-hygiene.js';
import { Lookup } from './lookup.js';
import { proposeBoundaryItems, type Proposal } from './proposals.js';
import { findReconciliationGaps } from './reconciliation.js';
import { findBounceHotspots, findOrphanMatters, findOverlaps, findRefusedComplaints } from './responsibility.js';
import type { AnalysisSnapshot } from './snapshot.js';

/** The department graph, as the HTML report and the web app's boundary map draw it. */
export interface DepartmentGraphPicture {
  nodes: { id: string; name: string; region: string | null; community: number | null }[];
  /** Shared matters, complaints both handled and refusals between the two; contested: an overlap finding names both. */
  edges: { a: string; b: string; weight: number; matters: Named[]; complaints: number; refusals: number; contested: boolean }[];
}

export interface AnalysisReport {
  generatedAt: string;
  /** Region code -> name, for reading the findings' regions. */
  regions: Record<string, string>;
  findings: Finding[];
  proposals: Proposal[];
  communities: Community[];
  bounces: {
    /** The usual share of complaints that bounce (median over district-matter groups). */
    baselineRate: number;
    byMatter: { matter: Named; complaints: number; bounced: number; rate: number }[];
    /** Who refuses whom: the refusing department, the one the complaint went to next, and the share of the refuser's routings that were such refusals. */
    byPair: { refuser: Named; next: Named; complaints: number; rate: number }[];
  };
  summary: { byKind: Record<FindingKind, number>; byDepartment: { department: Named; findings: number }[] };
  picture: DepartmentGraphPicture;
}

export type StageTimes = Record<'overlaps' | 'orphansAndBounces' | 'listGaps' | 'reconciliation' | 'similarity' | 'louvain' | 'proposals', number>;

/** Runs every analysis on a snapshot. Pure but for the clock; `now` fixes generatedAt for tests. */
export function analyze(snapshot: AnalysisSnapshot, now: Date = new Date()): { report: AnalysisReport; times: StageTimes } {
  const times = {} as StageTimes;
  const timed = <T>(stage: keyof StageTimes, work: () => T): T => {
    const started = performance.now();
    const result = work();
    times[stage] = Math.round(performance.now() - started);
    return result;
  };
  const lookup = new Lookup(snapshot);
  const holdings = collectHoldings(snapshot, lookup);
  const stats = new ComplaintStats(snapshot);
  const coverage = new BoundaryCoverage(snapshot, lookup);
  const overlaps = timed('overlaps', () => findOverlaps(holdings, coverage, stats, lookup));
  const responsibility = timed('orphansAndBounces', () => [
    ...findOrphanMatters(holdings, stats, lookup),
    ...findRefusedComplaints(stats, lookup),
    ...findBounceHotspots(stats, snapshot, lookup),
  ]);
  const listGaps = timed('listGaps', () => findListGaps(snapshot, lookup));
  const reconciliation = timed('reconciliation', () => findReconciliationGaps(snapshot, lookup));
  const latent = timed('similarity', () => findLatentOverlaps(snapshot, lookup));
  const { communities, graph } = timed('louvain', () => findCommunities(snapshot, holdings, lookup));
  const findings = [...overlaps, ...responsibility, ...latent, ...listGaps, ...reconciliation].sort(
    (a, b) => b.severity - a.severity || (a.id < b.id ? -1 : 1),
  );
  const proposals = timed('proposals', () => proposeBoundaryItems(findings, holdings, stats, snapshot, lookup));

  const byKind = Object.fromEntries(FINDING_KINDS.map((kind) => [kind, 0])) as Record<FindingKind, number>;
  const perDepartment = new Map<string, number>();
  for (const finding of findings) {
    byKind[finding.kind]++;
    for (const d of finding.departments) perDepartment.set(d.id, (perDepartment.get(d.id) ?? 0) + 1);
  }
  const matterTotals = new Map<string, { complaints: number; bounced: number }>();
  for (const v of stats.groups()) {
    const total = matterTotals.get(v.matter) ?? { complaints: 0, bounced: 0 };
    matterTotals.set(v.matter, { complaints: total.complaints + v.complaints, bounced: total.bounced + v.bounced });
  }
  const routingsOf = new Map<string, number>();
  for (const r of snapshot.routing) routingsOf.set(r.department, (routingsOf.get(r.department) ?? 0) + r.taken + r.refused);
  const contested = new Set(overlaps.flatMap((f) => f.departments.flatMap((a) => f.departments.map((b) => `${a.id}|${b.id}`))));
  const report: AnalysisReport = {
    generatedAt: now.toISOString(),
    regions: Object.fromEntries(snapshot.regions.map((r) => [r.code, r.name])),
    findings,
    proposals,
    communities,
    bounces: {
      baselineRate: Math.round(stats.baselineBounceRate * 1000) / 1000,
      byMatter: [...matterTotals]
        .map(([m, t]) => ({ matter: lookup.matter(m), ...t, rate: Math.round((t.bounced / Math.max(1, t.complaints)) * 1000) / 1000 }))
        .sort((a, b) => b.rate - a.rate || b.complaints - a.complaints),
      byPair: [
        ...snapshot.refusalPairs.reduce(
          (pairs, p) => pairs.set(`${p.refuser}|${p.next}`, (pairs.get(`${p.refuser}|${p.next}`) ?? 0) + p.complaints),
          new Map<string, number>(),
        ),
      ]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 50)
        .map(([key, complaints]) => {
          const [refuser, next] = key.split('|') as [string, string];
          const rate = Math.round((complaints / Math.max(1, routingsOf.get(refuser) ?? 0)) * 1000) / 1000;
          return { refuser: lookup.department(refuser), next: lookup.department(next), complaints, rate };
        }),
    },
    summary: {
      byKind,
      byDepartment: [...perDepartment]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([d, n]) => ({ department: lookup.department(d), findings: n })),
    },
    picture: {
      nodes: graph.mapNodes((id, attributes) => ({
        id,
        name: lookup.department(id).name,
        region: lookup.regionOf(id),
        community: (attributes.community as number | undefined) ?? null,
      })),
      edges: graph.mapEdges((_edge, attributes, a, b) => ({
        a,
        b,
        weight: Math.round((attributes.weight as number) * 100) / 100,
        matters: (attributes.matters as string[]).map((m) => lookup.matter(m)),
        complaints: attributes.complaints as number,
        refusals: attributes.refusals as number,
        contested: contested.has(`${a}|${b}`),
      })),
    },
  };
  return { report, times };
}
