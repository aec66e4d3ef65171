import { expect } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { recountTallies } from '../../src/db/tallies.js';

const READ = { timeoutMs: 30_000, rowCap: 100_000, maxBytes: 50e6, check: () => undefined };

/** Every routing tally in the graph, as plain rows in key order, samples apart. */
async function allTallies(db: Database): Promise<{ rows: Record<string, unknown>[]; samples: Map<string, { bounced: string[]; refused: string[] }> }> {
  const { rows } = await db.runReadOnly(
    'MATCH (t) WHERE t:MatterTally OR t:RouteTally OR t:RefusalTally OR t:CoHandledTally RETURN labels(t)[0] AS label, properties(t) AS p ORDER BY label, t.key',
    {},
    READ,
  );
  const samples = new Map<string, { bounced: string[]; refused: string[] }>();
  const plain = rows.map(([label, p]) => {
    const { bouncedSample, refusedSample, ...props } = p as Record<string, unknown>;
    if (label === 'MatterTally') samples.set(props.key as string, { bounced: bouncedSample as string[], refused: refusedSample as string[] });
    return { label, ...props };
  });
  return { rows: plain, samples };
}

/**
 * The tallies kept as the complaints changed equal the tallies counted afresh from the
 * complaints, and every kind equals its definition counted here in Cypher from the complaints
 * (as the analysis counted before tallies); every sample id kept is a complaint of its key that
 * bounced (or that nobody took). Leaves the recounted tallies.
 */
export async function expectTalliesExact(db: Database): Promise<void> {
  const kept = await allTallies(db);
  const { rows: byDefinition } = await db.runReadOnly(
    `MATCH (c:Complaint)-[:CONCERNS]->(m:Matter)
     MATCH (c)-[:IN]->(d:Region)
     WITH c, d.code + '|' + m.id AS key, COUNT { (c)-[:ROUTED]->() } AS routes,
          COUNT { (c)-[r:ROUTED]->() WHERE r.outcome IN ['refused', 'returned'] } AS refusals,
          COUNT { (c)-[r:ROUTED]->() WHERE r.outcome IN ['accepted', 'resolved'] } AS takes
     RETURN key, count(*) AS complaints, collect(CASE WHEN routes > 1 OR refusals > 0 THEN c.id END) AS bounced,
            collect(CASE WHEN routes > 0 AND takes = 0 THEN c.id END) AS refused ORDER BY key`,
    {},
    READ,
  );
  const matterRows = kept.rows.filter((row) => row.label === 'MatterTally');
  expect(matterRows.map((row) => [row.key, row.complaints, row.bounced, row.refusedByAll])).toEqual(
    byDefinition.map(([key, complaints, bounced, refused]) => [key, complaints, (bounced as string[]).length, (refused as string[]).length]),
  );
  for (const [key, , bounced, refused] of byDefinition) {
    const sample = kept.samples.get(key as string)!;
    expect(bounced as string[]).toEqual(expect.arrayContaining(sample.bounced));
    expect(refused as string[]).toEqual(expect.arrayContaining(sample.refused));
  }
  // The other tallies, as the analysis counted them from the complaints before tallies existed.
  const definitions: [string, string][] = [
    [
      'RouteTally',
      `MATCH (c:Complaint)-[:CONCERNS]->(m:Matter) OPTIONAL MATCH (c)-[:IN]->(d:Region) MATCH (c)-[r:ROUTED]->(x:Department)
       RETURN coalesce(d.code, '') + '|' + m.id + '|' + x.id AS key, count(CASE r.outcome WHEN 'accepted' THEN 1 END) AS accepted,
              count(CASE r.outcome WHEN 'resolved' THEN 1 END) AS resolved, count(CASE r.outcome WHEN 'refused' THEN 1 END) AS refused,
              count(CASE r.outcome WHEN 'returned' THEN 1 END) AS returned ORDER BY key`,
    ],
    [
      'RefusalTally',
      `MATCH (c:Complaint)-[:CONCERNS]->(m:Matter) MATCH (c)-[r1:ROUTED]->(a:Department) WHERE r1.outcome IN ['refused', 'returned']
       MATCH (c)-[r2:ROUTED]->(b:Department) WHERE r2.seq = r1.seq + 1
       RETURN m.id + '|' + a.id + '|' + b.id AS key, count(*) AS complaints ORDER BY key`,
    ],
    [
      'CoHandledTally',
      `MATCH (c:Complaint)-[:ROUTED]->(a:Department) MATCH (c)-[:ROUTED]->(b:Department) WHERE a.id < b.id
       RETURN a.id + '|' + b.id AS key, count(DISTINCT c) AS complaints ORDER BY key`,
    ],
  ];
  for (const [label, query] of definitions) {
    const { columns, rows } = await db.runReadOnly(query, {}, READ);
    const counted = rows.filter((row) => row.slice(1).some((n) => n !== 0)).map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
    const keptRows = kept.rows.filter((row) => row.label === label).map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])));
    expect(keptRows).toEqual(counted);
  }
  await recountTallies(db);
  expect(kept.rows).toEqual((await allTallies(db)).rows);
}
