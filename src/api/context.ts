import { createCatalogLoaders, type CatalogLoaders } from '../catalog/catalog.js';
import type { Database } from '../db/database.js';
import type { DispatchService } from '../dispatch/dispatch-service.js';

/** What lives as long as the server: the database and the dispatch engine. */
export interface Services {
  db: Database;
  dispatch: DispatchService;
}

/** What every resolver gets: the services and this request's loaders. */
export interface ApiContext extends Services {
  loaders: CatalogLoaders;
  /** Who is asking, as recorded with the changes they make. */
  actor: string;
}

/** A fresh context for one request. */
export function createContext(services: Services): ApiContext {
  return { ...services, loaders: createCatalogLoaders(services.db), actor: 'api' };
}
