import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { AnalysisReport } from './analyze.js';
import type { Finding, Named } from './findings.js';
import type { Proposal } from './proposals.js';

/**
 * The boundary map of the web app: departments placed by a force layout (communities start
 * apart, so they stay recognisable), joined by what they share. Computed from one analysis
 * report, so it moves with the graph's revision and costs nothing per request once made.
 */

// CommonJS with typings that declare an ES default export (as graphology-communities-louvain).
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

interface MapNode {
  id: string;
  name: string;
  region: string | null;
  community: number | null;
  /** Findings naming the department. */
  findings: number;
  x: number;
  y: number;
}

interface MapEdge {
  a: string;
  b: string;
  sharedMatters: number;
  complaints: number;
  refusals: number;
  weight: number;
  contested: boolean;
}

export interface DepartmentMap {
  nodes: MapNode[];
  edges: MapEdge[];
  /** Departments of the region before the node limit, and joins among the drawn ones before the edge limit. */
  totalNodes: number;
  totalEdges: number;
}

/**
 * The departments of one region (or all) that a map may draw, most connected first, with their
 * places: the layout runs once for these, and every map of the region is cut from them, so a
 * caller's limits cost no layout and departments keep their places whatever the limits.
 */
export interface PlacedDepartments {
  nodes: MapNode[];
  /** Joins among the placed departments, contested first, then the heaviest. */
  edges: MapEdge[];
  /** Departments of the region, placed or not. */
  inRegion: number;
}

/** At most this many departments are placed (and so drawn) on one map. */
export const MAX_MAP_NODES = 500;

export function placeDepartments(report: AnalysisReport, region: string | null): PlacedDepartments {
  const { picture } = report;
  const inRegion = picture.nodes.filter((n) => !region || n.region === region);
  const ids = new Set(inRegion.map((n) => n.id));
  const regional = picture.edges.filter((e) => ids.has(e.a) && ids.has(e.b));
  const strength = new Map<string, number>();
  for (const e of regional) for (const d of [e.a, e.b]) strength.set(d, (strength.get(d) ?? 0) + e.weight);
  const placed = [...inRegion].sort((p, q) => (strength.get(q.id) ?? 0) - (strength.get(p.id) ?? 0) || (p.id < q.id ? -1 : 1)).slice(0, MAX_MAP_NODES);
  const placedIds = new Set(placed.map((n) => n.id));
  const edges = regional
    .filter((e) => placedIds.has(e.a) && placedIds.has(e.b))
    .sort((p, q) => Number(q.contested) - Number(p.contested) || q.weight - p.weight)
    .map((e) => ({
      a: e.a,
      b: e.b,
      sharedMatters: e.matters.length,
      complaints: e.complaints,
      refusals: e.refusals,
      weight: e.weight,
      contested: e.contested,
    }));
  const findings = new Map(report.summary.byDepartment.map((d) => [d.department.id, d.findings]));
  const positions = layout(placed, edges);
  return {
    nodes: placed.map((n) => ({ ...n, findings: findings.get(n.id) ?? 0, ...positions.get(n.id)! })),
    edges,
    inRegion: inRegion.length,
  };
}

/** The map of the maxNodes most connected placed departments and the first maxEdges joins among them. */
export function departmentMap(placed: PlacedDepartments, limits: { maxNodes: number; maxEdges: number }): DepartmentMap {
  const nodes = placed.nodes.slice(0, limits.maxNodes);
  const drawn = new Set(nodes.map((n) => n.id));
  const joins = placed.edges.filter((e) => drawn.has(e.a) && drawn.has(e.b));
  return { nodes, edges: joins.slice(0, limits.maxEdges), totalNodes: placed.inRegion, totalEdges: joins.length };
}

/** Iterations of the layout: enough for a few hundred nodes to settle, still well under a second. */
const LAYOUT_ITERATIONS = 150;

/** Communities on a large circle, each one's members on a small circle around its point, then ForceAtlas2 (deterministic). */
function layout(nodes: AnalysisReport['picture']['nodes'], edges: MapEdge[]): Map<string, { x: number; y: number }> {
  const byCommunity = new Map<number, string[]>();
  for (const n of nodes) byCommunity.set(n.community ?? -1, [...(byCommunity.get(n.community ?? -1) ?? []), n.id]);
  const groups = [...byCommunity.values()].sort((a, b) => b.length - a.length);
  const graph = new UndirectedGraph();
  groups.forEach((members, g) => {
    const angle = (2 * Math.PI * g) / groups.length;
    const radius = Math.sqrt(members.length);
    members.forEach((id, i) => {
      const a = (2 * Math.PI * i) / members.length;
      graph.addNode(id, { x: 10 * Math.cos(angle) + radius * Math.cos(a), y: 10 * Math.sin(angle) + radius * Math.sin(a) });
    });
  });
  for (const e of edges) graph.mergeEdge(e.a, e.b, { weight: e.weight });
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations: LAYOUT_ITERATIONS,
      getEdgeWeight: 'weight',
      // Strong gravity keeps the components of a sparse graph (a county's own departments) in view.
      settings: { ...forceAtlas2.inferSettings(graph), strongGravityMode: true, gravity: 1, barnesHutOptimize: graph.order > 300 },
    });
  }
  const round = (v: number) => Math.round(v * 100) / 100;
  return new Map(graph.mapNodes((id, attributes) => [id, { x: round(attributes.x as number), y: round(attributes.y as number) }]));
}

/** What lies behind one edge of the map: the matters both hold, the findings and proposals naming both. */
export interface DepartmentPair {
  a: Named;
  b: Named;
  sharedMatters: Named[];
  complaints: number;
  refusals: number;
  contested: boolean;
  findings: Finding[];
  proposals: Proposal[];
}

/** At most this many findings of a pair are listed (most severe first); the map shows how many matters there are. */
const PAIR_FINDINGS = 50;

/** The pair of departments a and b, or undefined when either is not a department of the analysis. */
export function departmentPair(report: AnalysisReport, a: string, b: string): DepartmentPair | undefined {
  const named = (id: string) => report.picture.nodes.find((n) => n.id === id);
  const [first, second] = [named(a), named(b)];
  if (!first || !second) return undefined;
  const edge = report.picture.edges.find((e) => (e.a === a && e.b === b) || (e.a === b && e.b === a));
  const names = (p: Proposal) => [p.lead.id, ...p.cooperating.map((d) => d.id)];
  return {
    a: { id: first.id, name: first.name },
    b: { id: second.id, name: second.name },
    sharedMatters: edge?.matters ?? [],
    complaints: edge?.complaints ?? 0,
    refusals: edge?.refusals ?? 0,
    contested: edge?.contested ?? false,
    findings: report.findings.filter((f) => f.departments.some((d) => d.id === a) && f.departments.some((d) => d.id === b)).slice(0, PAIR_FINDINGS),
    proposals: report.proposals.filter((p) => names(p).includes(a) && names(p).includes(b)),
  };
}
