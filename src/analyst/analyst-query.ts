import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isNode, isPath, isPoint, isRelationship, isTime } from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { checkPlan, checkText, type PlanNode } from './cypher-guard.js';

export interface CypherResult {
  columns: string[];
  /** One array per row, values in column order. */
  rows: unknown[][];
  /** More rows were there than `rowCap`. */
  truncated: boolean;
  rowCap: number;
}

export const ANALYST_LIMITS = { timeoutMs: 10_000, rowCap: 1000 };

/**
 * Neo4j values as JSON: integers as numbers when exact (else as decimal strings), temporal
 * values as ISO strings, nodes as {labels, properties}, relationships as {type, properties},
 * paths as their nodes and relationships.
 */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isNode(value)) return { labels: value.labels, properties: toJson(value.properties) };
  if (isRelationship(value)) return { type: value.type, properties: toJson(value.properties) };
  if (isPath(value)) return { nodes: [value.start, ...value.segments.map((s) => s.end)].map(toJson), relationships: value.segments.map((s) => toJson(s.relationship)) };
  if (isDateTime(value) || isDate(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) return value.toString();
  if (isPoint(value)) return { srid: toJson(value.srid), x: value.x, y: value.y, ...(value.z === undefined ? {} : { z: value.z }) };
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toJson(v)]));
  return value;
}

/** Runs an analyst's read-only Cypher: text checks, plan checks, one READ transaction, a time limit and a row cap. */
export async function runAnalystQuery(db: Database, query: string, params: Record<string, unknown> = {}, limits = ANALYST_LIMITS): Promise<CypherResult> {
  checkText(query);
  const { columns, records, truncated } = await db.runReadOnly(query, params, {
    ...limits,
    check: (queryType, plan) => checkPlan(queryType, (plan as PlanNode | false) ?? false),
  });
  return { columns, rows: records.map((record) => columns.map((c) => toJson(record[c]))), truncated, rowCap: limits.rowCap };
}
