import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedFigureRegions, MAX_CACHED_REGIONS } from '../../src/catalog/dashboard.js';
import { openDemoApi, type DemoApi } from '../helpers/api.js';

let demo: DemoApi;
beforeAll(async () => {
  demo = await openDemoApi();
});
afterAll(() => demo.close());

const viewer = (query: string, variables: Record<string, unknown> = {}) => demo.api.execute(query, variables, 'viewer');

describe("the brief's figures from GraphQL alone (a viewer's dashboard)", () => {
  it('lists scale: departments, sections, tasks, power items, boundary items, and the hotline shares', async () => {
    const { data, errors } = await viewer(
      '{ dashboard { totals { departments sections tasks powerItems boundaryItems complaints satisfaction resolvedShare } } }',
    );
    expect(errors).toBeUndefined();
    expect(data!.dashboard.totals).toMatchObject({ departments: 16, powerItems: 36, complaints: 31 });
    expect(data!.dashboard.totals.sections).toBeGreaterThan(10);
    expect(data!.dashboard.totals.satisfaction).toBeGreaterThan(0);
    expect(data!.dashboard.totals.resolvedShare).toBeLessThanOrEqual(1);
  });

  it('power items by type and by department; complaints and bounce rate by month and by matter; open findings by kind', async () => {
    const { data, errors } = await viewer(`{
      dashboard(region: "371100") {
        powerItemsByType { type count } powerItemsByDepartment { department { id name } count }
        complaintsByMonth { month complaints bounced bounceRate } complaintsByMatter { matter { id name } complaints bounceRate }
        complaintsByMonthAndMatter { month matter { id } complaints bounced }
      }
      analysis { summary { kind count } }
    }`);
    expect(errors).toBeUndefined();
    const d = data!.dashboard;
    expect(d.powerItemsByType).toContainEqual({ type: 'PENALTY', count: expect.any(Number) });
    expect(d.powerItemsByDepartment.find((r: { department: { id: string } }) => r.department.id === 'd-spj').count).toBe(4);
    expect(d.complaintsByMonth[0].month).toMatch(/^\d{4}-\d{2}$/);
    const noise = d.complaintsByMatter.find((r: { matter: { id: string } }) => r.matter.id === 'm-construction-noise');
    expect(noise).toMatchObject({ complaints: 6, bounceRate: 0.667 });
    expect(data!.analysis.summary).toContainEqual({ kind: 'OVERLAP', count: 4 });
  });

  it('walks relations both ways: region ↔ departments ↔ sections, power items and boundary items', async () => {
    const { data, errors } = await viewer(
      '{ departments(region: "371100") { id region { code departments { id } } sections { id department { id } } powerItems { code department { id } } boundaryItems { id lead { id } cooperating { id } } } }',
    );
    expect(errors).toBeUndefined();
    const sthjj = data!.departments.find((d: { id: string }) => d.id === 'd-sthjj');
    expect(sthjj.region.departments.map((d: { id: string }) => d.id)).toContain('d-sthjj');
    expect(sthjj.boundaryItems.map((b: { id: string }) => b.id)).toContain('b-2021-noise-02');
    const zjj = data!.departments.find((d: { id: string }) => d.id === 'd-zjj');
    expect(zjj.boundaryItems.find((b: { id: string }) => b.id === 'b-2021-noise-02').lead.id).toBe('d-sthjj');
    for (const d of data!.departments) {
      for (const s of d.sections) expect(s.department.id).toBe(d.id);
      for (const p of d.powerItems) expect(p.department.id).toBe(d.id);
    }
  });

  it('pages power items in code order with filters, and complaints by bounce, matter and date', async () => {
    const query = `query ($after: String) { powerItems(filter: { region: "371100", type: PENALTY }, first: 3, after: $after) { edges { cursor node { code type department { id } } } pageInfo { hasNextPage endCursor } } }`;
    const first = await viewer(query);
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.powerItems;
    expect(page1.edges).toHaveLength(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await viewer(query, { after: page1.pageInfo.endCursor })).data!.powerItems;
    const codes = [...page1.edges, ...page2.edges].map((e: { node: { code: string } }) => e.node.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of [...page1.edges, ...page2.edges]) expect(e.node.type).toBe('PENALTY');

    const bounced = await viewer(`{ complaints(filter: { matter: "m-construction-noise", bounced: true, from: "2021-03-01", to: "2021-05-01" }) {
      edges { node { id bounced receivedAt matter { id } routes { seq department { id name } outcome } } } } }`);
    expect(bounced.errors).toBeUndefined();
    const nodes = bounced.data!.complaints.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.map((n: { id: string }) => n.id)).toEqual(['c-2021-0001', 'c-2021-0002', 'c-2021-0003', 'c-2021-0004']);
    expect(nodes[0].routes.map((r: { outcome: string }) => r.outcome)).toEqual(expect.arrayContaining(['REFUSED', 'RESOLVED']));
    const bad = await viewer('{ complaints(after: "!!") { edges { cursor } } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages tasks and service items, and lists boundary items with their parties', async () => {
    const { data, errors } = await viewer(`{
      tasks(filter: { department: "d-zjj" }, first: 2) { edges { node { id name flowchart norm section department { id } matterIds } } pageInfo { hasNextPage } }
      serviceItems(filter: { level: "city" }, first: 50) { edges { node { code name level powerItemCodes } } }
      boundaryItems(region: "371100", status: "published") { id title scope status lead { id name } cooperating { id } matterIds }
    }`);
    expect(errors).toBeUndefined();
    expect(data!.tasks.edges).toHaveLength(2);
    for (const e of data!.tasks.edges) expect(e.node.department.id).toBe('d-zjj');
    expect(data!.serviceItems.edges.map((e: { node: { code: string } }) => e.node.code)).toContain('SV-371100-001');
    expect(data!.boundaryItems.find((b: { id: string }) => b.id === 'b-2021-noise-02')).toMatchObject({
      lead: { id: 'd-sthjj' },
      matterIds: ['m-construction-noise'],
    });
    expect(data!.boundaryItems.every((b: { status: string }) => b.status === 'published')).toBe(true);
  });

  it('follows relations both ways in batches: matter ↔ power items ↔ sections, service item → power items, task → matters', async () => {
    const { data, errors } = await viewer(`{
      matters { id powerItems { code matters { id } sections { id department { id } } } }
      serviceItems(first: 5) { edges { node { code powerItems { code department { id } } } } }
      tasks(filter: { matter: "m-construction-noise" }) { edges { node { id matters { id } } } }
    }`);
    expect(errors).toBeUndefined();
    const noise = data!.matters.find((m: { id: string }) => m.id === 'm-construction-noise');
    expect(noise.powerItems.map((p: { code: string }) => p.code)).toContain('371100-ST-CF-001');
    for (const item of noise.powerItems) expect(item.matters.map((m: { id: string }) => m.id)).toContain('m-construction-noise');
    expect(data!.serviceItems.edges[0].node.powerItems[0].department.id).toMatch(/^d-/);
    for (const e of data!.tasks.edges) expect(e.node.matters.map((m: { id: string }) => m.id)).toContain('m-construction-noise');
  });
});

describe('the dashboard figures cache', () => {
  it('keeps at most 64 regions, however many region strings callers send, the most recently asked kept', async () => {
    for (let i = 0; i < MAX_CACHED_REGIONS + 10; i++)
      expect((await viewer(`{ dashboard(region: "nowhere-${i}") { totals { complaints } } }`)).errors).toBeUndefined();
    await viewer('{ dashboard(region: "371100") { totals { complaints } } }');
    const cached = cachedFigureRegions(demo.db);
    expect(cached).toHaveLength(MAX_CACHED_REGIONS);
    expect(cached.at(-1)).toBe('371100');
    expect(cached).not.toContain('nowhere-0');
  });
});
