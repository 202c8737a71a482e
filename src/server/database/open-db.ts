import path from 'node:path';
import type { Config } from '../config';
import type { Db } from './db';
import { openPgliteDb } from './pglite-db';
import { openPostgresDb } from './postgres-db';

/** PostgreSQL when DATABASE_URL is set; otherwise PGlite, stored in DATA_DIR/pglite. */
export function openDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl) return openPostgresDb(config.databaseUrl);
  return openPgliteDb(path.join(config.dataDir, 'pglite'));
}
