import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, ErrorCode } from '../errors.js';
import { projectPath } from '../project-root.js';

/**
 * The registry of named Cypher queries kept in cypher/*.cypher. A block is
 *
 *   // name: departmentById
 *   // One department with its region.
 *   MATCH ...
 *
 * Bodies are sent verbatim (a `//` inside a string literal stays). Duplicate or malformed names
 * fail at load; a module asks for the names it uses when it is imported, so a missing query
 * stops start-up instead of failing on the first request.
 */
export interface NamedQuery {
  name: string;
  description: string;
  text: string;
  /** file:line of the `// name:` line, for error messages. */
  source: string;
}

const NAME_LINE = /^\/\/\s*name:\s*(\S*)\s*$/;
const VALID_NAME = /^[a-z][A-Za-z0-9]*$/;

/** Splits one .cypher file into its named blocks. */
export function parseNamedQueries(text: string, file: string): NamedQuery[] {
  const lines = text.split(/\r?\n/);
  const queries: NamedQuery[] = [];
  let current: { name: string; line: number; body: string[] } | undefined;
  const finish = () => {
    if (!current) return;
    const body = current.body;
    const description: string[] = [];
    while (body.length > 0 && /^\s*\/\//.test(body[0]!)) description.push(body.shift()!.replace(/^\s*\/\/\s?/, ''));
    const queryText = body.join('\n').trim();
    const source = `${file}:${current.line}`;
    if (queryText === '') throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `${source}: query ${current.name} has no body`);
    queries.push({ name: current.name, description: description.join(' ').trim(), text: queryText, source });
  };
  lines.forEach((line, index) => {
    const match = NAME_LINE.exec(line);
    if (match) {
      finish();
      const name = match[1] ?? '';
      if (!VALID_NAME.test(name)) {
        throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `${file}:${index + 1}: bad query name "${name}" (lowerCamelCase expected)`);
      }
      current = { name, line: index + 1, body: [] };
    } else if (current) {
      current.body.push(line);
    } else if (line.trim() !== '' && !line.trim().startsWith('//')) {
      throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `${file}:${index + 1}: Cypher before the first "// name:" line`);
    }
  });
  finish();
  return queries;
}

/** Reads every cypher/*.cypher file (not the schema migrations) into one registry. */
export function loadNamedQueries(dir: string = projectPath('cypher')): Map<string, NamedQuery> {
  const registry = new Map<string, NamedQuery>();
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort();
  for (const file of files) {
    for (const query of parseNamedQueries(readFileSync(join(dir, file), 'utf8'), `cypher/${file}`)) {
      const previous = registry.get(query.name);
      if (previous) {
        throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `duplicate query name ${query.name} at ${query.source} and ${previous.source}`);
      }
      registry.set(query.name, query);
    }
  }
  return registry;
}

let registry: Map<string, NamedQuery> | undefined;

/** The process-wide registry, loaded on first use. */
export function namedQueries(): Map<string, NamedQuery> {
  registry ??= loadNamedQueries();
  return registry;
}

/**
 * The queries a module uses, checked when the module is imported. Unknown names throw at once,
 * so a typo stops start-up rather than the first request that needs it.
 */
export function useQueries<const Name extends string>(names: readonly Name[]): Record<Name, NamedQuery> {
  const all = namedQueries();
  const missing = names.filter((name) => !all.has(name));
  if (missing.length > 0) {
    throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `unknown Cypher queries: ${missing.join(', ')} (not in cypher/*.cypher)`);
  }
  return Object.fromEntries(names.map((name) => [name, all.get(name)!])) as Record<Name, NamedQuery>;
}
