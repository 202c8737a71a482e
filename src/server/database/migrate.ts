import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;
// Any fixed number: several server processes starting together take turns at migrating.
const MIGRATION_LOCK_KEY = 720_406_001;

export interface MigrationFile {
  name: string;
  sql: string;
  sha256: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  const bad = names.filter((n) => !MIGRATION_NAME.test(n));
  if (bad.length > 0) throw new Error(`Migration files must be named like 0002_add_things.sql: ${bad.join(', ')}`);
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name), 'utf8');
      return { name, sql, sha256: createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex') };
    }),
  );
}

/**
 * Applies the migrations not yet recorded in schema_migrations, in name order, all in one transaction.
 * Files are never edited once they have landed: a changed file stops the server instead of being ignored.
 * Returns the names applied now.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = await readMigrations(dir);
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`create table if not exists schema_migrations (
      name text primary key,
      sha256 text not null,
      applied_at timestamptz not null default now()
    )`);
    const applied = new Map(
      (await tx.query<{ name: string; sha256: string }>('select name, sha256 from schema_migrations')).map((r) => [r.name, r.sha256]),
    );
    const appliedNow: string[] = [];
    for (const file of files) {
      const recorded = applied.get(file.name);
      if (recorded !== undefined) {
        if (recorded !== file.sha256) {
          throw new Error(`Migration ${file.name} was changed after it was applied. Add a new migration instead.`);
        }
        continue;
      }
      await tx.exec(file.sql);
      await tx.query('insert into schema_migrations (name, sha256) values ($1, $2)', [file.name, file.sha256]);
      appliedNow.push(file.name);
    }
    return appliedNow;
  });
}
