import { createCatalogLoaders, type CatalogLoaders } from '../catalog/catalog.js';
import type { AnalysisService } from '../analysis/analysis-service.js';
import type { AnalystPool } from '../analyst/analyst-pool.js';
import type { Principal } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import type { DispatchService } from '../dispatch/dispatch-service.js';
import type { ResponseBudget } from './response-limits.js';

/** What lives as long as the server: the database and the dispatch engine. */
export interface Services {
  db: Database;
  dispatch: DispatchService;
  analysis: AnalysisService;
  /** Runs analysts' own Cypher, caged (worker threads, limits). */
  analyst: AnalystPool;
  /** The folder importBundle(path) may read from (DUTYGRAPH_IMPORT_DIR). */
  importRoot: string;
}

/** One HTTP request as its log line and metrics see it; the request plugin names the operation. */
export interface RequestInfo {
  id: string;
  operation: string;
  actor: string;
}

/** What every resolver gets: the services, who is asking, and this request's loaders. */
export interface ApiContext extends Services {
  loaders: CatalogLoaders;
  principal: Principal;
  /** Who is asking, as recorded with the changes they make. */
  actor: string;
  request: RequestInfo;
  /** What this request's answer holds so far (response-limits.ts). */
  budget: ResponseBudget;
}

/**
 * One request's context. Its loaders are made on first use (a dispatch lookup needs none), by a
 * getter on the prototype: Apollo copies a context's own properties for every request, which
 * would call a getter of the object itself, making the loaders each time.
 */
class RequestContext implements ApiContext {
  readonly db: Database;
  readonly dispatch: DispatchService;
  readonly analysis: AnalysisService;
  readonly analyst: AnalystPool;
  readonly importRoot: string;
  readonly actor: string;
  readonly budget: ResponseBudget = { listItems: 0 };
  private made: CatalogLoaders | undefined;

  constructor(
    services: Services,
    readonly principal: Principal,
    readonly request: RequestInfo,
  ) {
    ({ db: this.db, dispatch: this.dispatch, analysis: this.analysis, analyst: this.analyst, importRoot: this.importRoot } = services);
    this.actor = `api:${principal.actor}`;
  }

  get loaders(): CatalogLoaders {
    return (this.made ??= createCatalogLoaders(this.db));
  }
}

/** A fresh context for one request. */
export function createContext(
  services: Services,
  principal: Principal,
  request: RequestInfo = { id: 'local', operation: '', actor: principal.actor },
): ApiContext {
  return new RequestContext(services, principal, request);
}
