import { cp, mkdtemp, rm, appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate, readMigrations } from '../../../src/server/database/migrate';
import { openPgliteDb } from '../../../src/server/database/pglite-db';
import { openTestDb, type TestDb } from '../../support/server-db';

describe('migrate', () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb({ migrated: false });
  });
  afterAll(() => testDb.dispose());

  it('applies every migration once, and running it again changes nothing', async () => {
    const all = (await readMigrations()).map((m) => m.name);
    expect(all.slice(0, 4)).toEqual(['0001_init.sql', '0002_matching.sql', '0003_person_mode.sql', '0004_voice_per_section.sql']);
    expect(all).toContain('0006_visit_conflicts.sql');
    expect(await migrate(testDb.db)).toEqual(all);
    expect(await migrate(testDb.db)).toEqual([]);
    const rows = await testDb.db.query<{ name: string }>('select name from schema_migrations order by name');
    expect(rows.map((r) => r.name)).toEqual(all);
  });

  it('gives every table that holds records a required organisation_id', async () => {
    const tables = await testDb.db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const withOrg = await testDb.db.query<{ table_name: string }>(
      `select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'organisation_id' and is_nullable = 'NO'`,
    );
    // Shared by every organisation on purpose (see rls.test.ts, which checks the same list): login_attempts
    // is counted before anyone is known, by hashes of the email and address.
    const exempt = new Set(['organisations', 'schema_migrations', 'login_attempts']);
    const needing = tables.map((t) => t.table_name).filter((t) => !exempt.has(t)).sort();
    expect(needing.length).toBeGreaterThanOrEqual(10);
    expect(needing).toContain('match_runs');
    expect(needing).toContain('follow_ups');
    expect(withOrg.map((t) => t.table_name).sort()).toEqual(needing);
  });

  it('refuses to run when a migration that already landed has been edited', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-migrations-'));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await appendFile(path.join(dir, '0001_init.sql'), '\n-- edited later\n');
      await expect(migrate(testDb.db, dir)).rejects.toThrow(/0001_init\.sql was changed/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('applies a new numbered file after the ones already applied', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-migrations-'));
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      await appendFile(path.join(dir, '0099_test_note.sql'), 'create table test_notes (organisation_id uuid not null);');
      expect(await migrate(testDb.db, dir)).toEqual(['0099_test_note.sql']);
      expect(await migrate(testDb.db, dir)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('0004_voice_per_section', () => {
  let testDb: TestDb;
  let before0004: string;
  beforeAll(async () => {
    testDb = await openTestDb({ migrated: false });
    before0004 = await mkdtemp(path.join(os.tmpdir(), 'hearth-migrations-'));
    await cp(MIGRATIONS_DIR, before0004, { recursive: true });
    await rm(path.join(before0004, '0004_voice_per_section.sql'));
  });
  afterAll(async () => {
    await testDb.dispose();
    await rm(before0004, { recursive: true, force: true });
  });

  const org = '00000000-0000-4000-8000-0000000000a1';
  const otherOrg = '00000000-0000-4000-8000-0000000000a2';
  const carer = '00000000-0000-4000-8000-0000000000c1';
  const sha = (c: string) => c.repeat(64);

  it('keeps carers recorded with one whole-profile voice, without it, and their media', async () => {
    const { db } = testDb;
    await migrate(db, before0004);
    await db.query(`insert into organisations (id, name) values ($1, 'Old'), ($2, 'Other')`, [org, otherOrg]);
    for (const [organisation, c] of [[org, 'a'], [org, 'b'], [org, 'c'], [org, 'd'], [otherOrg, 'e']] as const) {
      await db.query(`insert into media (organisation_id, sha256, bytes, type, path) values ($1, $2, 1, 'audio/mp4', $2)`, [organisation, sha(c)]);
    }
    await db.query(
      `insert into carers (id, organisation_id, first_name, profile, photo_sha256, film_sha256, voice_sha256)
       values ($1, $2, 'Sam', '{}', $3, $4, $5)`,
      [carer, org, sha('a'), sha('b'), sha('c')],
    );

    expect(await migrate(db)).toEqual(['0004_voice_per_section.sql']);
    const [row] = await db.query<Record<string, unknown>>('select * from carers where id = $1', [carer]);
    expect(row).toMatchObject({ first_name: 'Sam', voice_appreciated_sha256: null, voice_matters_sha256: null });
    expect(row).not.toHaveProperty('voice_sha256');
    expect(await db.query('select sha256 from media where organisation_id = $1 order by sha256', [org])).toHaveLength(4);
  });

  it("takes each section's recording only from the carer's own organisation's media", async () => {
    const { db } = testDb;
    await db.query('update carers set voice_appreciated_sha256 = $2, voice_matters_sha256 = $3 where id = $1', [carer, sha('c'), sha('d')]);
    await expect(db.query('update carers set voice_appreciated_sha256 = $2 where id = $1', [carer, sha('e')])).rejects.toThrow(
      /carers_voice_appreciated_media/,
    );
    await expect(db.query('update carers set voice_matters_sha256 = $2 where id = $1', [carer, sha('f')])).rejects.toThrow(
      /carers_voice_matters_media/,
    );
  });
});

describe('Db transactions', () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await openTestDb();
  });
  afterAll(() => testDb.dispose());

  it('runs on PostgreSQL when DATABASE_URL is set, and on the one PGlite instance otherwise', async () => {
    if (process.env.DATABASE_URL) {
      expect(testDb.kind).toBe('postgres');
      return;
    }
    expect(testDb.kind).toBe('pglite');
    await expect(openPgliteDb('memory://')).rejects.toThrow(/already open/);
    // Using the outer handle inside a transaction would wait for ever on one connection: it fails instead.
    await expect(testDb.db.transaction(() => testDb.db.query('select 1'))).rejects.toThrow(/use the tx argument/);
  });

  it('keeps nothing from a transaction that throws, and everything from one that returns', async () => {
    const { db } = testDb;
    await db.query(`insert into organisations (id, name) values ('00000000-0000-4000-8000-000000000001', 'Kept')`);
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`insert into organisations (id, name) values ('00000000-0000-4000-8000-000000000002', 'Lost')`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await db.transaction((tx) => tx.query(`insert into organisations (id, name) values ('00000000-0000-4000-8000-000000000003', 'Also kept')`));
    const names = (await db.query<{ name: string }>('select name from organisations order by name')).map((r) => r.name);
    expect(names).toEqual(['Also kept', 'Kept']);
  });

  it('runs queries made while a transaction is open after it, not inside it', async () => {
    const { db } = testDb;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const transaction = db
      .transaction(async (tx) => {
        await tx.query(`insert into organisations (id, name) values ('00000000-0000-4000-8000-000000000004', 'Rolled back')`);
        await gate;
        throw new Error('roll back');
      })
      .catch(() => 'rolled back');
    const outside = db.query<{ n: number }>(`select count(*)::int as n from organisations where name = 'Rolled back'`);
    release();
    expect(await transaction).toBe('rolled back');
    expect((await outside)[0]?.n).toBe(0);
  });
});
