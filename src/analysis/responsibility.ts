import type { BoundaryCoverage } from './boundary-coverage.js';
import type { ComplaintStats } from './complaint-stats.js';
import { severity, type Evidence, type Finding } from './findings.js';
import type { Holding, Holdings } from './holdings.js';
import type { Lookup } from './lookup.js';
import type { AnalysisSnapshot } from './snapshot.js';

/** Most items quoted as evidence per department. */
const QUOTED = 5;

function holdingEvidence(holding: Holding): Evidence[] {
  return [
    ...holding.items.slice(0, QUOTED).map((i): Evidence => ({ kind: 'power-item', id: i.code, text: i.name })),
    ...holding.tasks.slice(0, Math.max(0, QUOTED - holding.items.length)).map((t): Evidence => ({ kind: 'task', id: t.id, text: t.name })),
  ];
}

function complaintEvidence(ids: string[], what: string): Evidence[] {
  return ids.map((id) => ({ kind: 'complaint', id, text: what }));
}

/** For a matter dutygraph induced from untagged lists, how it was found: analysts confirm or correct it. */
function inducedEvidence(lookup: Lookup, matter: string): Evidence[] {
  const record = lookup.matters.get(matter);
  if (!record?.induced) return [];
  const words = (record.words ?? [record.name]).join('、');
  return [{ kind: 'similarity', id: matter, text: `该事项由系统从未标注事项的清单中归纳（关键词：${words}），请分析人员确认、改名、合并或拆分` }];
}

/**
 * Overlaps: a matter on which two or more departments of one region hold power items or tasks,
 * with no published boundary item naming a lead there (or in an enclosing region).
 */
export function findOverlaps(holdings: Holdings, coverage: BoundaryCoverage, stats: ComplaintStats, lookup: Lookup): Finding[] {
  const findings: Finding[] = [];
  for (const [region, byMatter] of holdings) {
    for (const [matter, byDepartment] of byMatter) {
      if (byDepartment.size < 2 || coverage.leadItem(region, matter)) continue;
      const volume = stats.volume(region, matter);
      const holders = [...byDepartment.values()].sort((a, b) => (a.department < b.department ? -1 : 1));
      findings.push({
        id: `overlap:${region}:${matter}`,
        kind: 'overlap',
        region,
        matter: lookup.matter(matter),
        departments: holders.map((h) => lookup.department(h.department)),
        items: holders.flatMap((h) => h.items.map((i) => ({ id: i.code, name: i.name }))),
        complaints: volume.complaints,
        severity: severity(3, volume.complaints, volume.bounced),
        evidence: [
          ...holders.flatMap(holdingEvidence),
          {
            kind: 'routing',
            id: `${region}:${matter}`,
            text: `${lookup.regionName(region)}该事项诉求${volume.complaints}件，其中流转或被退回${volume.bounced}件`,
          },
          ...complaintEvidence(volume.bouncedSample, '在多个部门间流转的诉求'),
          ...inducedEvidence(lookup, matter),
        ],
      });
    }
  }
  return findings;
}

/** Whether a department of the region or an enclosing region holds the matter. */
function heldInChain(holdings: Holdings, lookup: Lookup, region: string, matter: string): boolean {
  return (lookup.chains.get(region) ?? [region]).some((r) => (holdings.get(r)?.get(matter)?.size ?? 0) > 0);
}

/**
 * Orphan matters: complaints are about them and no department of the complaints' district or an
 * enclosing region holds them. One finding per matter and district.
 */
export function findOrphanMatters(holdings: Holdings, stats: ComplaintStats, lookup: Lookup): Finding[] {
  return stats
    .groups()
    .filter((v) => v.complaints > 0 && !lookup.categories.has(v.matter) && !heldInChain(holdings, lookup, v.region, v.matter))
    .map((v) => ({
      id: `orphan-matter:${v.region}:${v.matter}`,
      kind: 'orphan-matter',
      region: v.region,
      matter: lookup.matter(v.matter),
      departments: [],
      items: [],
      complaints: v.complaints,
      severity: severity(4, v.complaints, v.bounced),
      evidence: [
        {
          kind: 'routing',
          id: `${v.region}:${v.matter}`,
          text: `${lookup.regionName(v.region)}该事项诉求${v.complaints}件，本级和上级均无部门承担相关权责事项或职责任务；${v.refusedByAll}件被所有经手部门退回`,
        },
        ...complaintEvidence(v.refusedSample, '被所有经手部门退回的诉求'),
      ],
    }));
}

/** Complaints refused (or returned) by every department they reached, per district and matter. */
export function findRefusedComplaints(stats: ComplaintStats, lookup: Lookup): Finding[] {
  return stats
    .groups()
    .filter((v) => v.refusedByAll > 0)
    .map((v) => {
      const refusers = [...stats.outcomes(v.region, v.matter)].filter(([, o]) => o.refused > 0).sort((a, b) => b[1].refused - a[1].refused);
      return {
        id: `refused-complaint:${v.region}:${v.matter}`,
        kind: 'refused-complaint',
        region: v.region,
        matter: lookup.matter(v.matter),
        departments: refusers.map(([d]) => lookup.department(d)),
        items: [],
        complaints: v.refusedByAll,
        severity: severity(3, v.refusedByAll, v.refusedByAll),
        evidence: [
          ...refusers.slice(0, QUOTED).map(([d, o]): Evidence => ({ kind: 'routing', id: d, text: `${lookup.department(d).name}退回或拒收${o.refused}次` })),
          ...complaintEvidence(v.refusedSample, '被所有经手部门退回的诉求'),
        ],
      };
    });
}

/** Least bounced complaints for a district-matter group to count as a hotspot. */
const MIN_BOUNCED = 3;

/** The usual bounce rate is capped here: a hotline where more than one in ten bounce is itself the finding. */
const BASE_RATE_CAP = 0.1;

/**
 * Bounce hotspots: district-matter groups whose complaints bounce far more than usual: at least
 * 10% and 1.5 times the usual rate (the median group's, kept within 2%..10%), and significantly
 * so (a one-sided binomial z ≥ 2 against the usual rate), with at least three bounced complaints.
 */
export function findBounceHotspots(stats: ComplaintStats, snapshot: AnalysisSnapshot, lookup: Lookup): Finding[] {
  const base = Math.min(BASE_RATE_CAP, Math.max(0.02, stats.baselineBounceRate));
  const findings: Finding[] = [];
  for (const v of stats.groups()) {
    const rate = v.bounced / Math.max(1, v.complaints);
    const z = (v.bounced - v.complaints * base) / Math.sqrt(v.complaints * base * (1 - base));
    if (v.bounced < MIN_BOUNCED || rate < Math.max(1.5 * base, 0.1) || z < 2) continue;
    const outcomes = [...stats.outcomes(v.region, v.matter)];
    const inRegion = new Set(outcomes.map(([d]) => d));
    const pairs = snapshot.refusalPairs
      .filter((p) => p.matter === v.matter && inRegion.has(p.refuser) && inRegion.has(p.next))
      .sort((a, b) => b.complaints - a.complaints)
      .slice(0, QUOTED);
    findings.push({
      id: `bounce-hotspot:${v.region}:${v.matter}`,
      kind: 'bounce-hotspot',
      region: v.region,
      matter: lookup.matter(v.matter),
      departments: outcomes.filter(([, o]) => o.refused > 0).map(([d]) => lookup.department(d)),
      items: [],
      complaints: v.complaints,
      severity: severity(3, v.complaints, v.bounced),
      evidence: [
        {
          kind: 'routing',
          id: `${v.region}:${v.matter}`,
          text: `流转率${(rate * 100).toFixed(1)}%（${v.bounced}/${v.complaints}），常见水平${(base * 100).toFixed(1)}%`,
        },
        ...pairs.map((p): Evidence => ({
          kind: 'routing',
          id: `${p.refuser}>${p.next}`,
          text: `${lookup.department(p.refuser).name}退回后转${lookup.department(p.next).name}：${p.complaints}件`,
        })),
        ...complaintEvidence(v.bouncedSample, '流转的诉求'),
      ],
    });
  }
  return findings;
}
