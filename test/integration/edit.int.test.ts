import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BUNDLE } from '../../src/api/start-service.js';
import type { NamedQuery } from '../../src/db/named-queries.js';
import { openDemoApi, type DemoApi } from '../helpers/api.js';

let demo: DemoApi;
beforeAll(async () => {
  demo = await openDemoApi();
});
afterAll(() => demo.close());

const editor = (query: string, variables: Record<string, unknown> = {}) => demo.api.execute(query, variables, 'editor');
const count = async (cypher: string, params: Record<string, unknown> = {}) => {
  const query: NamedQuery = { name: 'testCount', description: '', source: 'test', text: cypher };
  const [row] = await demo.db.read<{ n: number }>(query, params);
  return row!.n;
};

describe('editor mutations', () => {
  it('upserts records through the import: valid ones written and seen by dispatch, a bad batch writes nothing', async () => {
    const version = demo.api.dispatch.info!.version;
    const ok = await editor(
      'mutation ($records: [JSON!]!) { upsertRecords(kind: MATTERS, records: $records) { mode counts { kind created updated } errors } }',
      {
        records: [{ id: 'm-bikes-parking', name: '共享电动车停放', keywords: ['共享电动车'] }],
      },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.upsertRecords.counts).toContainEqual({ kind: 'MATTERS', created: 1, updated: 0 });
    expect(demo.api.dispatch.info!.version).toBeGreaterThan(version);
    expect(demo.api.dispatch.dispatch('小区门口共享电动车停放太乱').matter?.id).toBe('m-bikes-parking');

    const before = await count('MATCH (m:Matter) RETURN count(m) AS n');
    const bad = await editor('mutation ($records: [JSON!]!) { upsertRecords(kind: MATTERS, records: $records) { mode } }', {
      records: [{ id: 'm-good', name: '好' }, { id: 'm-bad' }],
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // Each bad record's reason, as the CLI prints it and structured; no server path anywhere.
    expect(bad.errors?.[0]?.extensions?.details).toEqual(['matters.json:1: name: is required']);
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      problems: [{ kind: 'matters', key: 'm-bad', field: 'name', reason: 'is required', where: 'matters.json:1' }],
    });
    expect(JSON.stringify(bad)).not.toMatch(/\/tmp|\/work|\.data/);
    expect(await count('MATCH (m:Matter) RETURN count(m) AS n')).toBe(before);
  });

  it('deletes a complaint, and refuses kinds that carry structure', async () => {
    const deleted = await editor('mutation { deleteRecord(kind: COMPLAINTS, key: "c-2021-0031") { deleted } }');
    expect(deleted.data!.deleteRecord).toEqual({ deleted: 1 });
    expect(await count("MATCH (c:Complaint {id: 'c-2021-0031'}) RETURN count(c) AS n")).toBe(0);
    const again = await editor('mutation { deleteRecord(kind: COMPLAINTS, key: "c-2021-0031") { deleted } }');
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const structure = await editor('mutation { deleteRecord(kind: DEPARTMENTS, key: "d-spj") { deleted } }');
    expect(structure.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('deletes a power item with the supervision duties it owns, and leaves the shared legal bases', async () => {
    const code = '371100-ST-CF-001'; // two supervision duties and a legal basis in the demo
    expect(await count('MATCH (:PowerItem {code: $code})-[:HAS_DUTY]->(d) RETURN count(d) AS n', { code })).toBe(2);
    const basesBefore = await count('MATCH (b:LegalBasis) RETURN count(b) AS n');
    const deleted = await editor('mutation ($key: ID!) { deleteRecord(kind: POWER_ITEMS, key: $key) { deleted } }', { key: code });
    expect(deleted.data!.deleteRecord).toEqual({ deleted: 1 });
    expect(await count('MATCH (d:SupervisionDuty) WHERE NOT (d)<-[:HAS_DUTY]-() RETURN count(d) AS n')).toBe(0);
    expect(await count('MATCH (d:SupervisionDuty) WHERE d.id STARTS WITH $code RETURN count(d) AS n', { code: `${code}/` })).toBe(0);
    expect(await count('MATCH (b:LegalBasis) RETURN count(b) AS n')).toBe(basesBefore);
  });

  it('imports bundles from the import folder only', async () => {
    cpSync(DEMO_BUNDLE, join(demo.api.services.importRoot, 'demo'), { recursive: true });
    const ok = await editor('mutation { importBundle(path: "demo") { mode counts { kind unchanged } } }');
    expect(ok.errors).toBeUndefined();
    for (const path of ['../', '/etc', '../../../../etc/passwd', 'demo/../..']) {
      const escape = await editor('mutation ($path: String!) { importBundle(path: $path) { mode } }', { path });
      expect(escape.errors?.[0]?.extensions?.code, path).toMatch(/FORBIDDEN|NOT_FOUND/);
    }
  });

  it('reads no file through a link that leads outside the import folder, and never echoes file content', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'dg-outside-'));
    writeFileSync(join(outside, 'secret.json'), '[{"id": "m-secret", "name": "SECRET-CONTENT"}]');
    writeFileSync(join(outside, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
    const cases: Record<string, string> = {
      'matters.json': join(outside, 'secret.json'),
      'regions.json': join(outside, 'passwd'),
      'tasks.ndjson': '/etc/passwd',
    };
    for (const [name, target] of Object.entries(cases)) {
      const folder = join(demo.api.services.importRoot, `links-${name}`);
      mkdirSync(folder);
      symlinkSync(target, join(folder, name));
      const refused = await editor('mutation ($path: String!) { importBundle(path: $path) { mode } }', { path: `links-${name}` });
      expect(refused.errors?.[0]?.extensions?.code, name).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.extensions?.details, name).toEqual([`${name}: a link that leads outside the import folder; not read`]);
      expect(JSON.stringify(refused), name).not.toMatch(/SECRET-CONTENT|root:x|dg-outside|\/etc/);
    }
    expect(await count("MATCH (m:Matter {id: 'm-secret'}) RETURN count(m) AS n")).toBe(0);
    // Inside the folder, a file that is not JSON is reported by position, not by its content.
    const folder = join(demo.api.services.importRoot, 'not-json');
    mkdirSync(folder);
    writeFileSync(join(folder, 'regions.json'), 'root:x:0:0:root:/root:/bin/bash\n');
    const bad = await editor('mutation { importBundle(path: "not-json") { mode } }');
    expect(bad.errors?.[0]?.extensions?.details).toEqual(['regions.json: not valid JSON']);
    expect(bad.errors?.[0]?.message).toMatch(/^not-json: 1 problem/);
    expect(JSON.stringify(bad)).not.toContain(demo.api.services.importRoot);
  });

  it('imports bundle files sent in the request, bundle file names only', async () => {
    const ok = await editor('mutation ($files: [BundleFileInput!]!) { importBundleFiles(files: $files) { counts { kind created } } }', {
      files: [{ name: 'matters.ndjson', content: JSON.stringify({ id: 'm-upload', name: '上传的事项' }) + '\n' }],
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.importBundleFiles.counts).toContainEqual({ kind: 'MATTERS', created: 1 });
    // A list as a CSV sheet, read in memory: departments and sections named in words.
    const sheet = await editor('mutation ($files: [BundleFileInput!]!) { importBundleFiles(files: $files) { counts { kind created } } }', {
      files: [{ name: 'sections.csv', content: '部门名称,内设机构,行政编制,实有人数\n日照市生态环境局,上传测试科,2,2\n' }],
    });
    expect(sheet.errors).toBeUndefined();
    expect(sheet.data!.importBundleFiles.counts).toContainEqual({ kind: 'SECTIONS', created: 1 });
    for (const name of ['../matters.json', 'notes.txt', 'matters.json/x']) {
      const bad = await editor('mutation ($files: [BundleFileInput!]!) { importBundleFiles(files: $files) { mode } }', { files: [{ name, content: '[]' }] });
      expect(bad.errors?.[0]?.extensions?.code, name).toBe('BAD_USER_INPUT');
    }
  });

  it('records every mutation with who, when, what and how it ended, refusals too', async () => {
    await demo.api.execute('mutation { retireBoundaryItem(id: "b-2021-noise-01") { id } }', {}, 'viewer');
    const refused = await count("MATCH (a:AuditEntry {mutation: 'retireBoundaryItem', outcome: 'FORBIDDEN', role: 'viewer'}) RETURN count(a) AS n");
    expect(refused).toBe(1);
    const upserts = await count(
      "MATCH (a:AuditEntry {mutation: 'upsertRecords', outcome: 'ok'}) WHERE a.actor CONTAINS 'editor' AND a.at IS NOT NULL AND a.arguments CONTAINS 'm-bikes-parking' RETURN count(a) AS n",
    );
    expect(upserts).toBe(1);
  });

  it('audits refusals at a bounded rate per actor, saying how many were left out', async () => {
    const entries = "MATCH (a:AuditEntry {mutation: 'publishBoundaryItem', role: 'viewer'}) RETURN count(a) AS n";
    for (let i = 0; i < 30; i++) {
      const refused = await demo.api.execute('mutation { publishBoundaryItem(id: "b-2021-noise-01") { id } }', {}, 'viewer');
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    // The viewer's earlier refusal in this minute counts too: 10 written in all, 21 left out.
    expect(await count(entries)).toBe(9);
  });
});
