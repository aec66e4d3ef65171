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

const ANALYST_LIMITS = { timeoutMs: 10_000, rowCap: 1000 };

/** Runs an analyst's read-only Cypher: text checks, plan checks, one READ transaction, a time limit and a row cap. */
export async function runAnalystQuery(db: Database, query: string, params: Record<string, unknown> = {}, limits = ANALYST_LIMITS): Promise<CypherResult> {
  checkText(query);
  const { columns, rows, truncated } = await db.runReadOnly(query, params, {
    ...limits,
    check: (queryType, plan) => checkPlan(queryType, (plan as PlanNode | false) ?? false),
  });
  return { columns, rows, truncated, rowCap: limits.rowCap };
}
