import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { departmentMap, departmentPair, placeDepartments } from '../../src/analysis/department-map.js';
import { FINDING_KINDS } from '../../src/analysis/findings.js';
import type { AnalysisSnapshot } from '../../src/analysis/snapshot.js';

type Item = AnalysisSnapshot['powerItems'][number];
const item = (code: string, department: string, over: Partial<Item> = {}): Item => ({
  code,
  name: `${code}的名称`,
  type: 'penalty',
  level: null,
  department,
  correspondsTo: null,
  matters: [],
  sections: 1,
  bases: 1,
  repealedBases: [],
  serviceItems: 1,
  ...over,
});

/** A city (C) with a county (K): two city departments overlap on m1, nobody holds m2, and every list gap once. */
function snapshot(): AnalysisSnapshot {
  return {
    regions: [
      { code: 'C', name: '某市', level: 'city', parent: null },
      { code: 'K', name: '某县', level: 'county', parent: 'C' },
    ],
    departments: [
      { id: 'C-a', name: '某市甲局', region: 'C', coordinator: false },
      { id: 'C-b', name: '某市乙局', region: 'C', coordinator: false },
      { id: 'C-c', name: '某市丙局', region: 'C', coordinator: false },
      { id: 'K-a', name: '某县甲局', region: 'K', coordinator: false },
    ],
    matters: [
      { id: 'm1', name: '甲事项', parent: null },
      { id: 'm2', name: '共享单车停放', parent: null },
      { id: 'm3', name: '丙事项', parent: null },
    ],
    powerItems: [
      item('C-A-1', 'C-a', { matters: ['m1'], level: 'city' }),
      item('C-B-1', 'C-b', { type: 'inspection', matters: ['m1'], sections: 0 }),
      item('C-A-2', 'C-a', { type: 'licensing', matters: ['m3'], serviceItems: 0, bases: 1, repealedBases: ['旧条例'] }),
      item('C-A-3', 'C-a', { name: '对违规占用城市绿地修建停车场的行政处罚' }),
      item('C-C-1', 'C-c', { name: '对违规占用城市绿地修建停车场行为的行政处罚' }),
      item('C-C-2', 'C-c', { name: '对共享单车运营企业的监督检查', type: 'inspection' }),
      item('K-A-1', 'K-a', { matters: ['m1'], correspondsTo: 'C-A-1' }),
      item('K-A-2', 'K-a', { name: '农村危房改造' }),
    ],
    sections: [
      { id: 's1', name: '执法科', department: 'C-a', tasks: 1 },
      { id: 's2', name: '办公室', department: 'C-b', tasks: 0 },
    ],
    tasks: [{ id: 't1', name: '甲事项执法', section: 's1', department: 'C-a', flowchart: false, norm: false, matters: ['m1'] }],
    serviceItems: [
      { code: 'S1', name: '甲服务', level: 'county', powerItems: ['C-A-1'] },
      { code: 'S2', name: '乙服务', level: 'city', powerItems: [] },
    ],
    boundaryItems: [],
    complaintVolumes: [
      { region: 'C', matter: 'm1', complaints: 40, bounced: 12, refusedByAll: 0, bouncedSample: ['c1'], refusedSample: [] },
      { region: 'C', matter: 'm2', complaints: 10, bounced: 10, refusedByAll: 10, bouncedSample: ['c2'], refusedSample: ['c2'] },
      { region: 'C', matter: 'm3', complaints: 50, bounced: 1, refusedByAll: 0, bouncedSample: [], refusedSample: [] },
      { region: 'K', matter: 'm3', complaints: 30, bounced: 0, refusedByAll: 0, bouncedSample: [], refusedSample: [] },
    ],
    routing: [
      { region: 'C', matter: 'm1', department: 'C-a', taken: 40, refused: 0 },
      { region: 'C', matter: 'm1', department: 'C-b', taken: 0, refused: 12 },
      { region: 'C', matter: 'm2', department: 'C-a', taken: 0, refused: 6 },
      { region: 'C', matter: 'm2', department: 'C-b', taken: 0, refused: 6 },
    ],
    refusalPairs: [{ matter: 'm1', refuser: 'C-b', next: 'C-a', complaints: 12 }],
    coHandled: [{ a: 'C-a', b: 'C-b', complaints: 12 }],
  };
}

const NOW = new Date('2026-11-27T00:00:00Z');

describe('boundary analysis on a small city', () => {
  const { report } = analyze(snapshot(), NOW);
  const of = (kind: string) => report.findings.filter((f) => f.kind === kind);

  it('finds every kind of finding', () => {
    for (const kind of FINDING_KINDS) expect(of(kind).length, kind).toBeGreaterThan(0);
  });

  it('names the overlap with its holders, evidence and complaints', () => {
    expect(of('overlap')).toHaveLength(1);
    expect(of('overlap')[0]).toMatchObject({ id: 'overlap:C:m1', region: 'C', matter: { id: 'm1' }, complaints: 40 });
    expect(of('overlap')[0]!.departments.map((d) => d.id)).toEqual(['C-a', 'C-b']);
    expect(of('overlap')[0]!.evidence.map((e) => e.id)).toEqual(expect.arrayContaining(['C-A-1', 'C-B-1', 't1', 'c1']));
  });

  it('finds the orphan matter and the complaints everybody refused, and a bounce hotspot on each', () => {
    expect(of('orphan-matter').map((f) => f.matter!.id)).toEqual(['m2']);
    expect(of('refused-complaint')[0]).toMatchObject({ matter: { id: 'm2' }, complaints: 10 });
    expect(
      of('bounce-hotspot')
        .map((f) => f.matter!.id)
        .sort(),
    ).toEqual(['m1', 'm2']);
  });

  it('finds near-duplicate items of two departments, and only those', () => {
    expect(of('latent-overlap').map((f) => f.departments.map((d) => d.id))).toEqual([['C-a', 'C-c']]);
  });

  it('compares the county with the city both ways', () => {
    const gaps = of('county-gap');
    expect(gaps.find((f) => f.departments.length === 1)?.items.map((i) => i.id)).toEqual(['K-A-2']);
    expect(gaps.find((f) => f.departments[1]?.id === 'C-a')?.items.map((i) => i.id)).toContain('C-A-2');
  });

  it('proposes the department that holds the penalty and took the complaints as lead', () => {
    const proposal = report.proposals.find((p) => p.id === 'proposal:C:m1')!;
    expect(proposal).toMatchObject({ lead: { id: 'C-a' }, cooperating: [{ id: 'C-b' }] });
    expect(proposal.text).toContain('某市甲局牵头负责');
    expect(report.proposals.find((p) => p.id === 'proposal:C:m2')!.lead.id).toBe('C-c');
  });

  it('clears an overlap once a published boundary item names a lead, in the region or above', () => {
    const settled = snapshot();
    settled.boundaryItems.push({ id: 'b1', title: '甲事项', status: 'published', region: 'C', lead: 'C-a', cooperating: ['C-b'], matters: ['m1'] });
    expect(analyze(settled, NOW).report.findings.filter((f) => f.kind === 'overlap')).toEqual([]);
    const draft = snapshot();
    draft.boundaryItems.push({ id: 'b1', title: '甲事项', status: 'draft', region: 'C', lead: 'C-a', cooperating: [], matters: ['m1'] });
    expect(analyze(draft, NOW).report.findings.filter((f) => f.kind === 'overlap')).toHaveLength(1);
  });

  it('puts departments that share matters and complaints in one community, and is deterministic', () => {
    expect(report.communities[0]!.departments.map((d) => d.id)).toEqual(expect.arrayContaining(['C-a', 'C-b']));
    expect(analyze(snapshot(), NOW).report).toEqual(report);
  });
});

describe('the boundary map of a small city', () => {
  const { report } = analyze(snapshot(), NOW);
  const all = { maxNodes: 400, maxEdges: 3000 };

  it("draws a region's departments joined by what they share, the open overlap contested, placed the same way each time", () => {
    const map = departmentMap(placeDepartments(report, 'C'), all);
    // C-c shares no matter, complaint or refusal with anyone: it is not on the map.
    expect(map.nodes.map((n) => n.id).sort()).toEqual(['C-a', 'C-b']);
    expect(map.edges.find((e) => [e.a, e.b].sort().join() === 'C-a,C-b')).toMatchObject({ sharedMatters: 1, complaints: 12, refusals: 12, contested: true });
    for (const n of map.nodes) expect(Number.isFinite(n.x) && Number.isFinite(n.y)).toBe(true);
    expect(map.nodes.find((n) => n.id === 'C-a')!.findings).toBeGreaterThan(0);
    expect(departmentMap(placeDepartments(report, 'C'), all)).toEqual(map);
  });

  it('draws only as many departments as asked, and counts the rest', () => {
    const map = departmentMap(placeDepartments(report, 'C'), { maxNodes: 1, maxEdges: 3000 });
    expect(map).toMatchObject({ totalNodes: 2, totalEdges: 0, edges: [] });
    expect(map.nodes).toHaveLength(1);
    expect(departmentMap(placeDepartments(report, 'C'), { maxNodes: 400, maxEdges: 0 })).toMatchObject({ totalEdges: 1, edges: [] });
  });

  it('is no longer contested once a boundary item names a lead', () => {
    const settled = snapshot();
    settled.boundaryItems.push({ id: 'b1', title: '甲事项', status: 'published', region: 'C', lead: 'C-a', cooperating: ['C-b'], matters: ['m1'] });
    const map = departmentMap(placeDepartments(analyze(settled, NOW).report, null), all);
    expect(map.edges.filter((e) => e.contested)).toEqual([]);
  });

  it('shows what lies behind a join: shared matters, findings and proposals naming both', () => {
    const pair = departmentPair(report, 'C-b', 'C-a')!;
    expect(pair.sharedMatters.map((m) => m.id)).toEqual(['m1']);
    expect(pair.findings.map((f) => f.id)).toContain('overlap:C:m1');
    expect(pair.proposals.map((p) => p.id)).toContain('proposal:C:m1');
    expect(departmentPair(report, 'C-a', 'nobody')).toBeUndefined();
  });
});
