import { AppError, ErrorCode } from '../errors.js';

/**
 * The first line of the analyst Cypher guard: refusals that the query text alone decides, with
 * a clear reason. The second line is the plan (checkPlan, after EXPLAIN in the same read
 * transaction), the third the READ transaction itself, in which Neo4j refuses any write.
 */

/** Procedures an analyst may call: the read-only catalogue and full-text search. */
const ALLOWED_PROCEDURES = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
]);

/** The query with string literals and comments blanked, so keywords inside them do not count. */
function codeOnly(query: string): string {
  return query
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`]|``)*`/g, "''");
}

const TEXT_RULES: { pattern: RegExp; reason: string }[] = [
  { pattern: /\bLOAD\s+CSV\b/i, reason: 'LOAD CSV reads files or URLs; analyst queries read the graph only' },
  {
    pattern: /\bIN\s+(?:\d+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b/i,
    reason: 'CALL { … } IN TRANSACTIONS commits on its own; analyst queries run in one read transaction',
  },
  { pattern: /(?:^|[\s;{}])USE\s+[A-Za-z`'"]/i, reason: 'USE switches database; analyst queries read this graph only' },
  { pattern: /^\s*(?:EXPLAIN|PROFILE)\b/i, reason: 'EXPLAIN and PROFILE are not offered here; send the query itself' },
  { pattern: /;\s*\S/, reason: 'one statement at a time' },
  // Neo4j cannot interrupt a regular expression while it backtracks: a time limit does not hold.
  { pattern: /=~/, reason: 'regular expressions (=~) are not open to analysts; use CONTAINS, STARTS WITH or ENDS WITH' },
];

/** Refuses what the text alone shows: file access, own transactions, other databases, several statements. */
export function checkText(query: string): void {
  if (query.trim() === '') throw new AppError(ErrorCode.BAD_USER_INPUT, 'query: empty');
  const code = codeOnly(query);
  for (const { pattern, reason } of TEXT_RULES) {
    if (pattern.test(code)) throw new AppError(ErrorCode.FORBIDDEN, `refused: ${reason}`);
  }
}

/** One operator of an EXPLAIN plan, as the driver gives it. */
export interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

/**
 * Plan operators of commands about the server rather than the graph: SHOW TRANSACTIONS shows other
 * sessions' queries and parameters, SHOW SETTINGS server paths, TERMINATE stops other people's work.
 * Neo4j plans them as reads, so the query type alone lets them through.
 */
const SERVER_COMMAND_OPERATOR = /^(Show|Terminate|AdministrationCommand)/;

/**
 * Refuses by the plan: any query Neo4j classifies as writing or changing schema, commands about
 * the server (SHOW, TERMINATE, administration), file loading, and procedures off the allow-list
 * (admin and write procedures among them).
 */
export function checkPlan(queryType: string, plan: PlanNode | false): void {
  if (queryType !== 'r') {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      `refused: the query ${queryType === 's' ? 'changes the schema or administers the database' : 'writes to the graph'}; analyst queries only read`,
    );
  }
  const visit = (node: PlanNode) => {
    const operator = node.operatorType.split('@')[0]!;
    if (operator === 'LoadCSV') throw new AppError(ErrorCode.FORBIDDEN, 'refused: LOAD CSV reads files or URLs');
    if (SERVER_COMMAND_OPERATOR.test(operator)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        `refused: ${operator} is a command about the server, not the graph (for the schema, call db.labels() or db.schema.visualization())`,
      );
    }
    if (operator === 'ProcedureCall') {
      const details = String(node.arguments.Details ?? node.arguments.details ?? node.arguments.Signature ?? '');
      const name = /^\s*([\w.]+)\s*\(/.exec(details)?.[1] ?? details;
      if (!ALLOWED_PROCEDURES.has(name))
        throw new AppError(
          ErrorCode.FORBIDDEN,
          `refused: procedure ${name || '(unknown)'} is not open to analysts (allowed: ${[...ALLOWED_PROCEDURES].join(', ')})`,
        );
    }
    node.children.forEach(visit);
  };
  if (plan) visit(plan);
}
