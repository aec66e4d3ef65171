import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { Named } from './findings.js';
import type { Holdings } from './holdings.js';
import type { Lookup } from './lookup.js';
import type { AnalysisSnapshot } from './snapshot.js';

/** Two departments of one community whose matters mostly coincide: they work as one. */
interface ClosePair {
  a: Named;
  b: Named;
  sharedMatters: Named[];
  /** Shared matters over the matters of the one holding fewer: 1 when one's matters are all the other's. */
  overlap: number;
}

export interface Community {
  id: string;
  departments: Named[];
  /** Matters two or more members hold. */
  sharedMatters: Named[];
  closePairs: ClosePair[];
}

// The package is CommonJS whose typings declare an ES default export: at run time the default
// import is the function itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;

/** Pairs sharing at least this share of the smaller matter set are reported as working as one. */
const CLOSE_OVERLAP = 0.5;

/** Deterministic random numbers (mulberry32), so the same graph always gives the same communities. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The department graph: edges weighted by shared matters, complaints handled by both, and refusals
 * between them; each edge keeps what it is made of (the shared matters' ids, the complaint and
 * refusal counts), for the boundary map to show.
 */
function departmentGraph(snapshot: AnalysisSnapshot, holdings: Holdings): { graph: UndirectedGraph; mattersOf: Map<string, Set<string>> } {
  const graph = new UndirectedGraph();
  const mattersOf = new Map<string, Set<string>>();
  const edge = (a: string, b: string): string => {
    for (const node of [a, b]) if (!graph.hasNode(node)) graph.addNode(node);
    return graph.edge(a, b) ?? graph.addEdge(a, b, { weight: 0, matters: [], complaints: 0, refusals: 0 });
  };
  for (const byMatter of holdings.values()) {
    for (const [matter, byDepartment] of byMatter) {
      const holders = [...byDepartment.keys()];
      for (const d of holders) mattersOf.set(d, (mattersOf.get(d) ?? new Set()).add(matter));
      for (let i = 0; i < holders.length; i++) {
        for (let j = i + 1; j < holders.length; j++) {
          const id = edge(holders[i]!, holders[j]!);
          graph.updateEdgeAttribute(id, 'weight', (w: number) => w + 1);
          (graph.getEdgeAttribute(id, 'matters') as string[]).push(matter);
        }
      }
    }
  }
  const count = (a: string, b: string, complaints: number, field: 'complaints' | 'refusals') => {
    if (a === b) return;
    const id = edge(a, b);
    graph.updateEdgeAttribute(id, 'weight', (w: number) => w + Math.log1p(complaints));
    graph.updateEdgeAttribute(id, field, (n: number) => n + complaints);
  };
  for (const pair of snapshot.coHandled) count(pair.a, pair.b, pair.complaints, 'complaints');
  for (const pair of snapshot.refusalPairs) count(pair.refuser, pair.next, pair.complaints, 'refusals');
  return { graph, mattersOf };
}

/** Louvain communities (seeded) of the department graph, with the pairs in them that work as one. */
export function findCommunities(snapshot: AnalysisSnapshot, holdings: Holdings, lookup: Lookup): { communities: Community[]; graph: UndirectedGraph } {
  const { graph, mattersOf } = departmentGraph(snapshot, holdings);
  if (graph.size === 0) return { communities: [], graph };
  const assignment = louvain(graph, { getEdgeWeight: 'weight', rng: seededRandom(1) });
  const members = new Map<number, string[]>();
  for (const [node, community] of Object.entries(assignment)) members.set(community, [...(members.get(community) ?? []), node]);
  const communities: Community[] = [];
  for (const list of members.values()) {
    if (list.length < 2) continue;
    list.sort();
    const counts = new Map<string, number>();
    for (const d of list) for (const m of mattersOf.get(d) ?? []) counts.set(m, (counts.get(m) ?? 0) + 1);
    const closePairs: ClosePair[] = [];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        // The same office at two levels holds the same matters by design: not two departments working as one.
        if (lookup.regionOf(list[i]!) !== lookup.regionOf(list[j]!)) continue;
        const [a, b] = [mattersOf.get(list[i]!) ?? new Set<string>(), mattersOf.get(list[j]!) ?? new Set<string>()];
        const shared = [...a].filter((m) => b.has(m)).sort();
        const overlap = shared.length / Math.max(1, Math.min(a.size, b.size));
        if (shared.length > 0 && overlap >= CLOSE_OVERLAP) {
          closePairs.push({
            a: lookup.department(list[i]!),
            b: lookup.department(list[j]!),
            sharedMatters: shared.map((m) => lookup.matter(m)),
            overlap: Math.round(overlap * 100) / 100,
          });
        }
      }
    }
    communities.push({
      id: `community:${list[0]}`,
      departments: list.map((d) => lookup.department(d)),
      sharedMatters: [...counts]
        .filter(([, n]) => n >= 2)
        .map(([m]) => m)
        .sort()
        .map((m) => lookup.matter(m)),
      closePairs: closePairs.sort((p, q) => q.overlap - p.overlap),
    });
  }
  for (const [node, community] of Object.entries(assignment)) graph.setNodeAttribute(node, 'community', community);
  return { communities: communities.sort((a, b) => b.departments.length - a.departments.length || (a.id < b.id ? -1 : 1)), graph };
}
