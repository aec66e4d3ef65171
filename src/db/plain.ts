import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isNode, isRelationship, isTime } from 'neo4j-driver';

/**
 * Turns what the driver returns into plain JSON-ready values: Integer -> number, Node and
 * Relationship -> their properties, temporal values -> ISO strings. Records never leave src/db
 * as driver objects.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number(value);
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (isDateTime(value) || isDate(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) {
    return value.toString();
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toPlain(v)]));
  }
  return value;
}
