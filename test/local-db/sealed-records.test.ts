import { describe, expect, it } from 'vitest';
import { getFile, getPack, getSession, getVisit, listOutbox } from '../../src/local-db/queries';
import { sealLegacyRecords } from '../../src/local-db/legacy-records';
import { recordOutcome, recordPersonModeSettings } from '../../src/local-db/record-event';
import { putFormDraft } from '../../src/local-db/form-drafts';
import { DEFAULT_PERSON_MODE_SETTINGS } from '../../src/domain/person-mode';
import { downloadVisitPack } from '../../src/sync/pack-downloader';
import { refreshVisits } from '../../src/sync/visit-list';
import { makePack, makeSession } from '../support/factories';
import { FakeOffice } from '../support/fake-transport';
import { fixedClock, signedInDb } from '../support/test-db';

// What a copy of the tablet's IndexedDB shows without the key (RELIABILITY A6, at the storage layer;
// the whole-profile byte scan in real Chromium is test/e2e/at-rest-scan.e2e.ts).

/** Every row of every table as stored, Blobs read as bytes, as one string to search. */
async function rawDump(db: Awaited<ReturnType<typeof signedInDb>>): Promise<string> {
  const parts: string[] = [];
  for (const table of db.tables) {
    for (const row of await table.toArray()) {
      parts.push(JSON.stringify(row));
      for (const value of Object.values(row as Record<string, unknown>)) {
        if (value instanceof Blob) parts.push(Buffer.from(await value.arrayBuffer()).toString('latin1'));
      }
    }
  }
  return parts.join('\n');
}

const CARER = '01900000-0000-7000-8000-0000000000c1';

describe('records sealed at rest', () => {
  it('keeps names, profile text, outcomes, settings, drafts and film bytes only encrypted', async () => {
    const db = await signedInDb();
    const office = new FakeOffice();
    const { pack, files } = await makePack(['Sam', 'Priya']);
    office.addPack(pack, files);
    await refreshVisits(db, office);
    expect(await downloadVisitPack(db, office, pack.visit.id)).toEqual({ ok: true });
    const sam = pack.candidates[0]!;
    const clock = fixedClock();
    await recordOutcome(db, { visitId: pack.visit.id, outcome: 'chosen', chosenCarerId: sam.id, orderShown: [sam.id] }, clock);
    await recordPersonModeSettings(db, { visitId: pack.visit.id, personId: pack.person.id, settings: { ...DEFAULT_PERSON_MODE_SETTINGS, language: 'cy' } }, clock);
    await putFormDraft(db, { key: 'carer:x', values: { story: 'CANARY-DRAFT likes the seaside' }, basedOnUpdatedAt: null, savedAt: '2026-11-24T10:00:00Z' });

    const dump = await rawDump(db);
    const canaries = [pack.person.firstName, pack.person.livesAt, makeSession().user.email, makeSession().user.name, 'CANARY-DRAFT', sam.firstName];
    for (const canary of canaries) expect(dump, canary).not.toContain(canary);
    const filmText = Buffer.from(files[0]!.bytes).toString('latin1').slice(0, 40);
    expect(dump).not.toContain(filmText);

    // And all of it opens again with the key.
    expect((await getVisit(db, pack.visit.id))?.summary.personFirstName).toBe(pack.person.firstName);
    expect((await getPack(db, pack.visit.id))?.pack).toEqual(pack);
    expect(Buffer.from(await (await getFile(db, files[0]!.file.sha256))!.blob.arrayBuffer()).equals(Buffer.from(files[0]!.bytes))).toBe(true);
    expect((await listOutbox(db)).map((i) => i.event.type)).toEqual(['OutcomeRecorded', 'PersonModeSettingsChanged']);
  });

  it('does not open a sealed box moved to another record (the record id is bound in)', async () => {
    const db = await signedInDb();
    const office = new FakeOffice();
    const { pack, files } = await makePack();
    office.addPack(pack, files);
    await refreshVisits(db, office);
    const other = { ...(await db.visits.get(pack.visit.id))!, id: '01900000-0000-7000-8000-0000000000ff' };
    await db.visits.put(other);
    await expect(getVisit(db, other.id)).rejects.toThrow();
  });

  it('seals the clear records of a tablet upgraded from before encryption, losing nothing in the outbox', async () => {
    const db = await signedInDb();
    const event = await recordOutcome(db, { visitId: '01900000-0000-7000-8000-0000000000a1', outcome: 'chosen', chosenCarerId: CARER, orderShown: [CARER] }, fixedClock());
    // As version 4 stored them: the whole record in clear.
    await db.outbox.clear();
    await db.outbox.put({ id: event.id, event, queuedAt: event.occurredAt, attempts: 2, lastError: null });
    const session = makeSession();
    await db.session.put({ key: 'current', session, signedInAt: '2026-11-24T09:00:00Z' });
    await db.files.put({ sha256: 'a'.repeat(64), type: 'video/mp4', bytes: 11, blob: new Blob(['CANARY-FILM']), storedAt: '2026-11-24T09:00:00Z' });
    expect(await rawDump(db)).toContain(makeSession().user.email);

    expect(await sealLegacyRecords(db)).toBeGreaterThanOrEqual(3);
    const dump = await rawDump(db);
    expect(dump).not.toContain(makeSession().user.email);
    expect(dump).not.toContain('CANARY-FILM');
    expect(await listOutbox(db)).toEqual([{ id: event.id, event, queuedAt: event.occurredAt, attempts: 2, lastError: null }]);
    expect((await getSession(db))?.session).toEqual(session);
    expect(await (await getFile(db, 'a'.repeat(64)))!.blob.text()).toBe('CANARY-FILM');
  });
});
