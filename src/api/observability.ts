import pino, { type Logger } from 'pino';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one server (own registry, so tests can run several): requests and their
 * latency by route and GraphQL operation, dispatch lookups, and errors by public code (the
 * database's among them: DB_UNAVAILABLE, QUERY_TIMEOUT).
 */
export interface Metrics {
  registry: Registry;
  requests: Counter<'route' | 'operation' | 'status'>;
  requestSeconds: Histogram<'route' | 'operation'>;
  dispatchSeconds: Histogram;
  errors: Counter<'code'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'dutygraph_' });
  return {
    registry,
    requests: new Counter({
      name: 'dutygraph_http_requests_total',
      help: 'HTTP requests by route, GraphQL operation and status',
      labelNames: ['route', 'operation', 'status'],
      registers: [registry],
    }),
    requestSeconds: new Histogram({
      name: 'dutygraph_http_request_duration_seconds',
      help: 'HTTP request latency by route and GraphQL operation',
      labelNames: ['route', 'operation'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers: [registry],
    }),
    dispatchSeconds: new Histogram({
      name: 'dutygraph_dispatch_lookup_duration_seconds',
      help: 'Dispatch lookups in the engine',
      buckets: [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.005],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'dutygraph_errors_total',
      help: 'Errors answered, by public code (DB_UNAVAILABLE and QUERY_TIMEOUT are the database)',
      labelNames: ['code'],
      registers: [registry],
    }),
  };
}

/** Structured JSON logs (pino); LOG_LEVEL sets the level (silent in tests). */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { app: 'dutygraph' } });
}
