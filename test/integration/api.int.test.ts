import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoApi, type DemoApi, type TestApi } from '../helpers/api.js';

let api: TestApi;
let demo: DemoApi;

beforeAll(async () => {
  demo = await openDemoApi();
  ({ api } = demo);
});
afterAll(() => demo.close());

const execute = (query: string, variables: Record<string, unknown> = {}) => api.execute(query, variables);

describe('GraphQL over the demo data', () => {
  it('lists departments with their region, filtered by region', async () => {
    const result = await execute('{ departments(region: "371122") { id name region { code name parent { code } } } }');
    expect(result.errors).toBeUndefined();
    const departments = (result.data as { departments: { id: string; region: { code: string; parent: { code: string } } }[] }).departments;
    expect(departments.map((d) => d.id)).toEqual(['d-jx-cgj', 'd-jx-spj', 'd-jx-sthj', 'd-jx-zjj']);
    expect(departments[0]!.region).toMatchObject({ code: '371122', parent: { code: '371100' } });
  });

  it('answers department(id) with its sections and power items', async () => {
    const result = await execute(
      `query ($id: ID!) { department(id: $id) { name kind coordinator sections { id name posts } powerItems { code type sectionIds matterIds } } }`,
      { id: 'd-spj' },
    );
    expect(result.errors).toBeUndefined();
    const department = (result.data as { department: Record<string, unknown> }).department;
    expect(department).toMatchObject({ name: '日照市行政审批服务局', kind: 'GOVERNMENT', coordinator: false });
    expect(department.sections).toContainEqual({ id: 's-spj-sczr', name: '市场准入科', posts: 4 });
    expect(department.powerItems).toContainEqual({
      code: '371100-SP-XK-001',
      type: 'LICENSING',
      sectionIds: ['s-spj-sczr'],
      matterIds: ['m-foreign-enterprise'],
    });
  });

  it('answers null for an unknown department and BAD_USER_INPUT for an empty id', async () => {
    expect((await execute('{ department(id: "nope") { id } }')).data).toEqual({ department: null });
    const bad = await execute('{ department(id: " ") { id } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists matters with their parents', async () => {
    const result = await execute('{ matters { id name keywords parent { id } } }');
    const matters = (result.data as { matters: { id: string; parent: { id: string } | null }[] }).matters;
    expect(matters.find((m) => m.id === 'm-construction-noise')?.parent).toEqual({ id: 'm-noise' });
  });

  it('rejects a query for a field that does not exist with BAD_USER_INPUT', async () => {
    const result = await execute('{ departments { budget } }');
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('refuses deep, wide and long queries before running them (graphql-armor)', async () => {
    const deep = `{ regions { ${'parent { '.repeat(12)}code${' }'.repeat(12)} } }`;
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: regions { code }`).join(' ')} }`;
    for (const query of [deep, aliases]) {
      const result = await execute(query);
      expect(result.errors?.[0]?.extensions?.code, query.slice(0, 60)).toBe('BAD_USER_INPUT');
      expect(result.data ?? undefined).toBeUndefined();
    }
  });
});

describe('bounded answers', () => {
  const NESTED = 'regions { departments { powerItems { department { powerItems { matters { powerItems { name } } } } } } }';
  const refusedWhole = async (query: string) => {
    const result = await api.execute(query, {}, 'viewer');
    expect(result.errors?.[0]?.extensions?.code, result.errors?.[0]?.message).toBe('LIMIT_EXCEEDED');
    expect(result.data ?? null).toBeNull();
  };

  it('refuses lists nested into millions of objects before running them, whatever the shape, and answers on', async () => {
    // The attack: 15 aliases of seven nested lists (one copy returned 19 MB at S=0.1).
    await refusedWhole(`{ ${Array.from({ length: 15 }, (_, i) => `a${i}: ${NESTED}`).join(' ')} }`);
    await refusedWhole(`{ ${NESTED} }`);
    // Through fragments, and through matters and boundary items instead of departments.
    await refusedWhole(
      `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: regions { ...R }`).join(' ')} } fragment R on Region { departments { powerItems { department { powerItems { matters { powerItems { name } } } } } } }`,
    );
    await refusedWhole('{ matters { powerItems { matters { powerItems { matters { powerItems { matters { powerItems { code } } } } } } } } }');
    await refusedWhole('{ departments { boundaryItems { matters { powerItems { department { boundaryItems { matters { powerItems { code } } } } } } } } }');
    expect((await api.execute('{ regions { departments { powerItems { name } } } }', {}, 'viewer')).errors).toBeUndefined();
  });

  it('answers an estimate refusal over HTTP with 400 and the limit', async () => {
    const { url, close } = await api.listen();
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.viewer}` },
        body: JSON.stringify({ query: `{ ${NESTED} }` }),
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe('LIMIT_EXCEEDED');
      expect(body.errors[0]!.message).toMatch(/objects \(limit 100,000\)/);
    } finally {
      await close();
    }
  });
});

describe('HTTP', () => {
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ url, close } = await api.listen());
  });
  afterAll(() => close());

  it('answers /healthz (the process) and /readyz (Neo4j), and gives every answer a request id', async () => {
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const ready = await fetch(`${url}/readyz`, { headers: { 'x-request-id': 'dashboard-42' } });
    expect(await ready.json()).toEqual({ status: 'ready', neo4j: 'up' });
    expect(ready.headers.get('x-request-id')).toBe('dashboard-42');
  });

  it('counts requests by operation, refusals and dispatch latency at /metrics, for callers with a token', async () => {
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.viewer}` },
      body: JSON.stringify({ query: 'query Regions { regions { code } }', operationName: 'Regions' }),
    });
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.viewer}` },
      body: JSON.stringify({ query: '{ matters { id } }' }),
    });
    const anonymous = await fetch(`${url}/metrics`);
    expect(anonymous.status).toBe(401);
    const text = await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${api.tokens.viewer}` } })).text();
    expect(text).toMatch(/dutygraph_errors_total\{code="UNAUTHENTICATED"\} [1-9]/);
    expect(text).toMatch(/dutygraph_http_requests_total\{route="\/graphql",operation="Regions",status="200"\} \d+/);
    expect(text).toMatch(/dutygraph_http_requests_total\{route="\/graphql",operation="matters",status="200"\} \d+/);
    expect(text).toContain('dutygraph_http_request_duration_seconds_bucket');
    expect(text).toContain('dutygraph_dispatch_lookup_duration_seconds');
  });

  it('serves POST /graphql', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.viewer}` },
      body: JSON.stringify({ query: '{ department(id: "d-rx") { name coordinator } }' }),
    });
    expect(await response.json()).toEqual({ data: { department: { name: '日照市12345政务服务便民热线办公室', coordinator: true } } });
  });

  it('answers a malformed body with 400 and a code, other paths with 404', async () => {
    const bad = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.viewer}` },
      body: '{"query": ',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    const huge = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.viewer}` },
      body: JSON.stringify({ query: '{ regions { code } }', padding: 'x'.repeat(2 << 20) }),
    });
    expect(huge.status).toBe(413);
    const long = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.viewer}` },
      body: JSON.stringify({ query: `{ regions { ${'code '.repeat(3000)}} }` }),
    });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect((await fetch(`${url}/nope`)).status).toBe(404);
  });
});
