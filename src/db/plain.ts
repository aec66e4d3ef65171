import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isNode, isPath, isPoint, isRelationship, isTime } from 'neo4j-driver';

/**
 * The one mapping of what the driver returns to plain JSON-ready values: integers as numbers
 * when exact (else as decimal strings), temporal values as ISO strings, points as {srid, x, y[, z]}.
 * Graph entities become their properties (`'properties'`, what named queries return) or, for
 * analysts who asked for them, {labels, properties} / {type, properties} and paths as their nodes
 * and relationships (`'described'`). Records never leave src/db as driver objects.
 */
export function toPlain(value: unknown, entities: 'properties' | 'described' = 'properties'): unknown {
  const plain = (inner: unknown) => toPlain(inner, entities);
  if (value === null || value === undefined) return null;
  // Most values are strings and numbers: past them at once (a snapshot holds hundreds of thousands).
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isNode(value)) return entities === 'properties' ? plain(value.properties) : { labels: value.labels, properties: plain(value.properties) };
  if (isRelationship(value)) return entities === 'properties' ? plain(value.properties) : { type: value.type, properties: plain(value.properties) };
  if (isPath(value))
    return { nodes: [value.start, ...value.segments.map((s) => s.end)].map(plain), relationships: value.segments.map((s) => plain(s.relationship)) };
  if (isDateTime(value) || isDate(value) || isLocalDateTime(value) || isTime(value) || isLocalTime(value) || isDuration(value)) return value.toString();
  if (isPoint(value)) return { srid: plain(value.srid), x: value.x, y: value.y, ...(value.z === undefined ? {} : { z: value.z }) };
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'object') {
    const object: Record<string, unknown> = {};
    for (const key of Object.keys(value)) object[key] = plain((value as Record<string, unknown>)[key]);
    return object;
  }
  return value;
}
