import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PersonModeSettingsSchema } from '../../domain/person-mode';
import { CarerProfileSchema, PersonProfileSchema } from '../../domain/profiles';
import { hashPassword } from '../auth/password';
import type { Db } from '../database/db';
import { storeMediaFile, type StoredFile } from '../media/media-store';
import { insertCarer, insertPerson } from './insert-demo-records';
import { DEMO_CARERS } from './demo-carers';
import {
  captionsFileName,
  carerMediaFileNames,
  DEMO_DESCRIPTION_FIRST,
  DEMO_ADMIN,
  DEMO_CARE_WORKER,
  DEMO_MANAGER,
  DEMO_ORGANISATION_NAME,
  DEMO_ORGANISER,
  filmFileName,
  photoFileName,
  voiceFileName,
} from './demo-data';
import { DEMO_VISITS } from './demo-people';

/** <repo>/seed/media, found from this file rather than the working directory. */
export const DEFAULT_SEED_MEDIA_DIR = fileURLToPath(new URL('../../../seed/media/', import.meta.url));

export interface SeedOptions {
  /** Where media files are stored (DATA_DIR/media). */
  mediaDir: string;
  /** Where the demo photos, films, captions and voices are read from. */
  seedMediaDir?: string;
  /** The seed time: visits are planned in the days after it. */
  now?: Date;
  /** Overrides, so tests can seed a second organisation beside the first. */
  organisationName?: string;
  organiser?: { name: string; email: string; password: string };
  /** The care worker with an account of their own (null: none). */
  careWorker?: { name: string; email: string; password: string; carerFirstName: string } | null;
  /** The organisation's admin and its manager (null: none). */
  admin?: { name: string; email: string; password: string } | null;
  manager?: { name: string; email: string; password: string } | null;
}

export interface SeededDemo {
  organisationId: string;
  userId: string;
  /** The care worker's user id, if one was seeded. */
  careWorkerUserId: string | null;
  /** The admin's and the manager's user ids, if seeded. */
  adminUserId: string | null;
  managerUserId: string | null;
  /** Ids by first name. */
  people: Record<string, string>;
  carers: Record<string, string>;
  /** Visit ids by the person's first name. */
  visits: Record<string, string>;
}

/** Seeds the demo organisation only when the database has no organisation at all (first start). */
export async function seedDemoIfEmpty(db: Db, options: SeedOptions): Promise<SeededDemo | null> {
  const rows = await db.query<{ n: number }>('select count(*)::int as n from organisations');
  if ((rows[0]?.n ?? 0) > 0) return null;
  return seedDemo(db, options);
}

export async function seedDemo(db: Db, options: SeedOptions): Promise<SeededDemo> {
  const seedMediaDir = options.seedMediaDir ?? DEFAULT_SEED_MEDIA_DIR;
  const now = options.now ?? new Date();
  const organiser = options.organiser ?? DEMO_ORGANISER;
  const media = await copyDemoMedia(seedMediaDir, options.mediaDir);
  const passwordHash = await hashPassword(organiser.password);

  const careWorker = options.careWorker === undefined ? DEMO_CARE_WORKER : options.careWorker;
  const careWorkerHash = careWorker ? await hashPassword(careWorker.password) : null;
  const admin = options.admin === undefined ? DEMO_ADMIN : options.admin;
  const manager = options.manager === undefined ? DEMO_MANAGER : options.manager;
  const staff = [
    ...(admin ? [{ ...admin, role: 'admin' as const, id: randomUUID(), hash: await hashPassword(admin.password) }] : []),
    ...(manager ? [{ ...manager, role: 'manager' as const, id: randomUUID(), hash: await hashPassword(manager.password) }] : []),
  ];
  const seeded: SeededDemo = {
    organisationId: randomUUID(),
    userId: randomUUID(),
    careWorkerUserId: careWorker ? randomUUID() : null,
    adminUserId: staff.find((s) => s.role === 'admin')?.id ?? null,
    managerUserId: staff.find((s) => s.role === 'manager')?.id ?? null,
    people: {},
    carers: {},
    visits: {},
  };
  await db.transaction(async (tx) => {
    await tx.query('insert into organisations (id, name, description_first) values ($1, $2, $3)', [
      seeded.organisationId,
      options.organisationName ?? DEMO_ORGANISATION_NAME,
      DEMO_DESCRIPTION_FIRST,
    ]);
    await tx.query(
      `insert into users (id, organisation_id, email, name, password_hash, role) values ($1, $2, $3, $4, $5, 'organiser')`,
      [seeded.userId, seeded.organisationId, organiser.email.toLowerCase(), organiser.name, passwordHash],
    );
    for (const user of staff) {
      await tx.query('insert into users (id, organisation_id, email, name, password_hash, role) values ($1, $2, $3, $4, $5, $6)', [
        user.id,
        seeded.organisationId,
        user.email.toLowerCase(),
        user.name,
        user.hash,
        user.role,
      ]);
    }
    for (const file of media.values()) {
      await tx.query('insert into media (organisation_id, sha256, bytes, type, path) values ($1, $2, $3, $4, $5)', [
        seeded.organisationId,
        file.sha256,
        file.bytes,
        file.type,
        file.path,
      ]);
    }
    for (const { matching, ...carer } of DEMO_CARERS) {
      const profile = CarerProfileSchema.parse({
        ...carer,
        id: randomUUID(),
        photo: media.get(photoFileName(carer.firstName))!.sha256,
        film: media.get(filmFileName(carer.firstName))!.sha256,
        captions: media.get(captionsFileName(carer.firstName))!.sha256,
        voices: {
          appreciated: media.get(voiceFileName(carer.firstName, 'appreciated'))!.sha256,
          mattersToMe: media.get(voiceFileName(carer.firstName, 'mattersToMe'))!.sha256,
        },
      });
      await insertCarer(tx, seeded.organisationId, profile, matching);
      seeded.carers[profile.firstName] = profile.id;
    }
    if (careWorker) {
      const carerId = seeded.carers[careWorker.carerFirstName];
      if (!carerId) throw new Error(`The demo has no carer called ${careWorker.carerFirstName} to give an account to.`);
      await tx.query(
        `insert into users (id, organisation_id, email, name, password_hash, role, carer_id) values ($1, $2, $3, $4, $5, 'care-worker', $6)`,
        [seeded.careWorkerUserId, seeded.organisationId, careWorker.email.toLowerCase(), careWorker.name, careWorkerHash, carerId],
      );
    }
    for (const plan of DEMO_VISITS) {
      const person = PersonProfileSchema.parse({ ...plan.person, id: randomUUID() });
      const personMode = plan.personMode === null ? null : PersonModeSettingsSchema.parse(plan.personMode);
      await insertPerson(tx, seeded.organisationId, person, plan.matching, personMode);
      const { id: personId, firstName } = person;
      const visitId = randomUUID();
      await tx.query('insert into visits (id, organisation_id, person_id, planned_at, place) values ($1, $2, $3, $4, $5)', [
        visitId,
        seeded.organisationId,
        personId,
        plannedAt(now, plan.inDays, plan.at).toISOString(),
        plan.matching.homePlace,
      ]);
      for (const [position, carerName] of plan.candidates.entries()) {
        await tx.query('insert into visit_candidates (organisation_id, visit_id, carer_id, position) values ($1, $2, $3, $4)', [
          seeded.organisationId,
          visitId,
          seeded.carers[carerName],
          position,
        ]);
      }
      seeded.people[firstName] = personId;
      seeded.visits[firstName] = visitId;
    }
  });
  return seeded;
}

function plannedAt(now: Date, inDays: number, at: { hour: number; minute: number }): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + inDays, at.hour, at.minute));
}

/** Copies every demo photo, film, captions and voice file (one per section) into the media directory, keyed by source file name. */
async function copyDemoMedia(seedMediaDir: string, mediaDir: string): Promise<Map<string, StoredFile>> {
  const names = DEMO_CARERS.flatMap((c) => carerMediaFileNames(c.firstName));
  const missing: string[] = [];
  for (const name of names) {
    await access(path.join(seedMediaDir, name)).catch(() => missing.push(name));
  }
  if (missing.length > 0) {
    throw new Error(`Demo media files are missing from ${seedMediaDir}: ${missing.join(', ')}.`);
  }
  const stored = new Map<string, StoredFile>();
  for (const name of names) stored.set(name, await storeMediaFile(mediaDir, path.join(seedMediaDir, name)));
  return stored;
}
