import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { createSession, SESSION_COOKIE } from '../../server/auth/sessions';
import type { Db } from '../../server/database/db';
import { migrate } from '../../server/database/migrate';
import { openDb } from '../../server/database/open-db';
import { DEMO_VISITS } from '../../server/seed/demo-people';
import { seedDemo } from '../../server/seed/seed-demo';

/** One visit a simulated tablet records against: a copy of a demo visit, with its own copy of the person. */
export interface BenchVisit {
  visitId: string;
  personId: string;
  /** The shortlist, in the order the pack shows it. */
  carerIds: string[];
}

export interface BenchTabletSetup {
  deviceId: string;
  /** The Cookie header of this tablet's own organiser session. */
  cookie: string;
  visits: BenchVisit[];
}

export interface BenchWorld {
  organisationId: string;
  tablets: BenchTabletSetup[];
  /** What the server process is given: its DATA_DIR, and the bench's own PostgreSQL database if any. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Opens the database again (after the server has stopped, for PGlite) to count what it holds. */
  open(): Promise<Db>;
  /** Drops the bench's PostgreSQL database; the caller removes dataDir. */
  dispose(): Promise<void>;
}

/**
 * The database the bench runs on, made with the server's own helpers before the server starts (PGlite
 * allows one process at a time): the demo organisation, then `visitsPerTablet` copies of its visits for
 * each tablet and one session per tablet. With `adminUrl`, a fresh database on that PostgreSQL server.
 */
export async function prepareBenchWorld(options: {
  dataDir: string;
  adminUrl: string | undefined;
  tablets: number;
  visitsPerTablet: number;
}): Promise<BenchWorld> {
  const database = options.adminUrl ? await createPostgresDatabase(options.adminUrl) : null;
  const config = { dataDir: options.dataDir, databaseUrl: database?.url };
  const db = await openDb(config);
  try {
    await migrate(db);
    const demo = await seedDemo(db, { mediaDir: path.join(options.dataDir, 'media') });
    const templates = DEMO_VISITS.map((plan) => ({
      personId: demo.people[plan.person.firstName]!,
      carerIds: plan.candidates.map((name) => demo.carers[name]!),
    }));
    const tablets: BenchTabletSetup[] = [];
    const visitsToInsert: (BenchVisit & { templatePersonId: string })[] = [];
    for (let t = 0; t < options.tablets; t++) {
      const { token } = await createSession(db, demo.userId, demo.organisationId);
      const visits = Array.from({ length: options.visitsPerTablet }, (_, v) => {
        const template = templates[(t + v) % templates.length]!;
        return { visitId: randomUUID(), personId: randomUUID(), templatePersonId: template.personId, carerIds: template.carerIds };
      });
      visitsToInsert.push(...visits);
      tablets.push({ deviceId: randomUUID(), cookie: `${SESSION_COOKIE}=${token}`, visits: visits.map(({ templatePersonId: _, ...visit }) => visit) });
    }
    await insertVisits(db, demo.organisationId, visitsToInsert);
    return {
      organisationId: demo.organisationId,
      tablets,
      dataDir: options.dataDir,
      databaseUrl: database?.url,
      open: () => openDb(config),
      dispose: async () => database?.drop(),
    };
  } finally {
    await db.close();
  }
}

/**
 * Each visit is to its own person (a copy of the demo person's profile), as in an office where one
 * organiser sees many people: 200 tablets all changing the same three people's settings would measure
 * row locks on those three rows, not the office.
 */
async function insertVisits(db: Db, organisationId: string, visits: (BenchVisit & { templatePersonId: string })[]): Promise<void> {
  const plannedAt = new Date().toISOString();
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into people (id, organisation_id, first_name, profile)
       select c.id, t.organisation_id, t.first_name, t.profile
         from jsonb_to_recordset($2::jsonb) as c(id uuid, template uuid) join people t on t.id = c.template
        where t.organisation_id = $1`,
      [organisationId, JSON.stringify(visits.map((v) => ({ id: v.personId, template: v.templatePersonId })))],
    );
    await tx.query(
      `insert into visits (id, organisation_id, person_id, planned_at, place)
       select v.id, $1, v.person_id, $2, 'Bench visit' from jsonb_to_recordset($3::jsonb) as v(id uuid, person_id uuid)`,
      [organisationId, plannedAt, JSON.stringify(visits.map((v) => ({ id: v.visitId, person_id: v.personId })))],
    );
    const candidates = visits.flatMap((v) => v.carerIds.map((carerId, position) => ({ visit_id: v.visitId, carer_id: carerId, position })));
    await tx.query(
      `insert into visit_candidates (organisation_id, visit_id, carer_id, position)
       select $1, c.visit_id, c.carer_id, c.position from jsonb_to_recordset($2::jsonb) as c(visit_id uuid, carer_id uuid, position int)`,
      [organisationId, JSON.stringify(candidates)],
    );
  });
}

/** A new, uniquely named database on the server at `adminUrl`, so a bench never writes into real data. */
async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hearth_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
