import { createCatalogLoaders, type CatalogLoaders } from '../catalog/catalog.js';
import type { Database } from '../db/database.js';

/** What every resolver gets: the database and this request's loaders. */
export interface ApiContext {
  db: Database;
  loaders: CatalogLoaders;
}

/** A fresh context for one request. */
export function createContext(db: Database): ApiContext {
  return { db, loaders: createCatalogLoaders(db) };
}
