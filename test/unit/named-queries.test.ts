import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNamedQueries, namedQueries, parseNamedQueries, useQueries } from '../../src/db/named-queries.js';
import { parseMigration, loadMigrations } from '../../src/db/migrate.js';

describe('parseNamedQueries', () => {
  it('splits blocks, takes the comment lines after the name as the description', () => {
    const queries = parseNamedQueries(
      ['// file banner', '', '// name: first', '// What it does.', 'MATCH (n) RETURN n', '', '// name: second', 'RETURN 1'].join('\n'),
      'x.cypher',
    );
    expect(queries.map((q) => [q.name, q.description, q.text])).toEqual([
      ['first', 'What it does.', 'MATCH (n) RETURN n'],
      ['second', '', 'RETURN 1'],
    ]);
    expect(queries[1]!.source).toBe('x.cypher:7');
  });

  it('sends bodies verbatim, including // inside string literals', () => {
    const [query] = parseNamedQueries("// name: url\nRETURN 'http://example.org' AS u // trailing", 'x.cypher');
    expect(query!.text).toBe("RETURN 'http://example.org' AS u // trailing");
  });

  it('rejects Cypher before the first name, empty bodies and bad names', () => {
    expect(() => parseNamedQueries('MATCH (n) RETURN n', 'x.cypher')).toThrow(/before the first/);
    expect(() => parseNamedQueries('// name: empty\n// only a comment\n', 'x.cypher')).toThrow(/no body/);
    expect(() => parseNamedQueries('// name: Bad-Name\nRETURN 1', 'x.cypher')).toThrow(/bad query name/);
  });

  it('rejects a name defined twice across files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-queries-'));
    writeFileSync(join(dir, 'a.cypher'), '// name: same\nRETURN 1');
    writeFileSync(join(dir, 'b.cypher'), '// name: same\nRETURN 2');
    expect(() => loadNamedQueries(dir)).toThrow(/duplicate query name same/);
  });
});

describe('the project registry', () => {
  it('loads every cypher/*.cypher file', () => {
    expect(namedQueries().size).toBeGreaterThan(20);
    expect(namedQueries().get('ping')?.text).toBe('RETURN 1 AS ok');
  });

  it('refuses unknown names when a module asks for them', () => {
    expect(() => useQueries(['ping', 'noSuchQuery'])).toThrow(/unknown Cypher queries: noSuchQuery/);
  });
});

describe('migrations', () => {
  it('splits statements at line-ending semicolons and drops comment-only pieces', () => {
    expect(parseMigration('// banner\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n// trailing comment\n')).toEqual([
      '// banner\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)',
    ]);
  });

  it('declares a unique key for every node label of the graph model', () => {
    const statements = loadMigrations()
      .flatMap((m) => m.statements)
      .join('\n');
    for (const label of [
      'Region',
      'Department',
      'Section',
      'PowerItem',
      'SupervisionDuty',
      'LegalBasis',
      'ServiceItem',
      'Task',
      'Matter',
      'BoundaryItem',
      'Complaint',
    ]) {
      expect(statements).toMatch(new RegExp(`FOR \\(n:${label}\\) REQUIRE n\\.\\w+ IS UNIQUE`));
    }
  });
});
