import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApi, type DemoApi } from '../helpers/api.js';
import { runCli } from '../helpers/cli.js';
import { testNeo4jEnv } from '../helpers/neo4j.js';

let demo: DemoApi;
beforeAll(async () => {
  demo = await openDemoApi();
});
afterAll(() => demo.close());

const env = () => ({ ...process.env, ...testNeo4jEnv() });

describe('staffing on the demo data', () => {
  it('prints the comparison table of sections and departments', async () => {
    const result = await runCli(['staffing', 'report', '--year', '2020'], env());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('编制与工作量对比（2020年）');
    expect(result.stdout).toMatch(/\| 日照市行政审批服务局 \| 市场准入科 \| 4 \| 3600 \| 5400 \| [\d.]+ \| [\d.]+ \|/);
  });

  it("previews the brief's transfer: a third of 市场准入科's 2020 work moves one of its four posts", async () => {
    const result = await runCli(['staffing', 'transfer', '--item', '371100-SP-XK-001', '--to', 'd-scjgj', '--year', '2020', '--json'], env());
    expect(result.code).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan).toMatchObject({ item: { code: '371100-SP-XK-001' }, fromDepartment: 'd-spj', fromSection: 's-spj-sczr', toDepartment: 'd-scjgj', posts: 1 });
    expect(plan.share).toBeCloseTo(1 / 3, 3);
    expect(plan.before.from.posts - plan.after.from.posts).toBe(1);
  });

  it('gives clear errors: unknown item, item already in the target, a year without volumes', async () => {
    const unknown = await runCli(['staffing', 'transfer', '--item', 'NOPE', '--to', 'd-scjgj'], env());
    expect(unknown.stderr).toContain('NOT_FOUND: power item "NOPE" does not exist');
    const same = await runCli(['staffing', 'transfer', '--item', '371100-SP-XK-001', '--to', 'd-spj'], env());
    expect(same.stderr).toContain('CONFLICT');
    const year = await runCli(['staffing', 'report', '--year', '2015'], env());
    expect(year.code).toBe(1);
    expect(year.stderr).toContain('no volumes for 2015; the graph has volumes for 2019, 2020');
  });

  it('suggests moves over GraphQL and applies a transfer as a mutation, recorded, posts conserved', async () => {
    const suggestion = await demo.api.execute(
      '{ staffingSuggestions(year: 2020, acrossDepartments: true, maxMoves: 5) { year moves { from { section } to { section } posts } before { meanDistance } after { meanDistance } excluded { section reason } } }',
    );
    expect(suggestion.errors).toBeUndefined();
    expect(suggestion.data!.staffingSuggestions.after.meanDistance).toBeLessThanOrEqual(suggestion.data!.staffingSuggestions.before.meanDistance);

    const report = await demo.api.execute(
      '{ staffing(year: 2020, departments: ["d-spj", "d-scjgj"]) { year availableHours sections { section posts ratio kind } departments { department posts } } }',
    );
    expect(report.errors).toBeUndefined();
    expect(report.data!.staffing.availableHours).toBe(1832);
    const postsBefore = report.data!.staffing.departments.reduce((sum: number, d: { posts: number }) => sum + d.posts, 0);

    const applied = await demo.api.execute(
      'mutation { applyStaffingTransfer(item: "371100-SP-XK-001", to: "d-scjgj", year: 2020) { posts fromSection toSection after { from { posts } to { posts } } } }',
    );
    expect(applied.errors).toBeUndefined();
    expect(applied.data!.applyStaffingTransfer.posts).toBe(1);
    const after = await demo.api.execute('{ staffing(year: 2020, departments: ["d-spj", "d-scjgj"]) { departments { department posts } } }');
    const byId = Object.fromEntries(after.data!.staffing.departments.map((d: { department: string; posts: number }) => [d.department, d.posts]));
    expect(byId['d-spj'] + byId['d-scjgj']).toBe(postsBefore);
    const [held] = await demo.db.readTx(
      (tx) =>
        tx.run<{ department: string; transfers: number }>({
          name: 'q',
          description: '',
          source: 'test',
          text: "MATCH (d:Department)-[:HOLDS]->(:PowerItem {code: '371100-SP-XK-001'}) RETURN d.id AS department, COUNT { (t:StaffingTransfer {item: '371100-SP-XK-001'}) WHERE t.by STARTS WITH 'api:' } AS transfers",
        }),
      'test',
    );
    expect(held).toEqual({ department: 'd-scjgj', transfers: 1 });
    const again = await demo.api.execute('mutation { applyStaffingTransfer(item: "371100-SP-XK-001", to: "d-scjgj") { posts } }');
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
