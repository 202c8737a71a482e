import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../src/server/database/db';
import { migrate } from '../../src/server/database/migrate';
import { openPgliteDb } from '../../src/server/database/pglite-db';
import { openPostgresDb } from '../../src/server/database/postgres-db';

export interface TestDb {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Closes the database and, on PostgreSQL, drops it. */
  dispose(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: PGlite in memory by default; with DATABASE_URL, a new
 * uniquely named database on that server, dropped afterwards. Pass `migrated: false` for a bare one.
 */
export async function openTestDb({ migrated = true } = {}): Promise<TestDb> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const db = await openPgliteDb('memory://');
    if (migrated) await migrate(db);
    return { db, kind: 'pglite', dispose: () => db.close() };
  }

  const name = `hearth_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgresDb(url.toString());
  if (migrated) await migrate(db);
  return {
    db,
    kind: 'postgres',
    async dispose() {
      await db.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
