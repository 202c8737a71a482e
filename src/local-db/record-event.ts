import { uuidv7 } from '../domain/ids';
import {
  OutcomeRecordedSchema,
  OutcomeWithdrawnSchema,
  PersonModeSettingsChangedSchema,
  type HearthEvent,
  type HowDecided,
  type Outcome,
  type OutcomeRecorded,
  type OutcomeRecordedPayload,
  type OutcomeWithdrawn,
  type PersonModeSettingsChanged,
  type Presentation,
  type Reaction,
} from '../domain/events';
import type { PersonModeLanguage, PersonModeSettings } from '../domain/person-mode';
import type { HearthDatabase, StoredOutboxItem, StoredOutcome } from './database';
import { openOutcome, sealOutboxItem, sealOutcome, sealPersonModeSettings } from './sealed-records';

export interface OutcomeInput {
  visitId: string;
  outcome: Outcome;
  chosenCarerId: string | null;
  orderShown: string[];
  meetFirstCarerIds?: string[];
  reactions?: { carerId: string; reaction: Reaction }[];
  presentation?: Presentation;
  language?: PersonModeLanguage;
  howDecided?: HowDecided;
}

/** Time and randomness come from the caller, so tests can fix them. */
export interface Clock {
  now: () => Date;
  randomBytes: (count: number) => Uint8Array;
}

export class NoDeviceError extends Error {
  constructor() {
    super('This tablet has not been set up yet. Sign in once while online.');
  }
}

export class NoOutcomeError extends Error {
  constructor() {
    super('There is no decision on this tablet to change.');
  }
}

async function deviceIdOf(db: HearthDatabase): Promise<string> {
  const device = await db.device.get('this');
  if (!device) throw new NoDeviceError();
  return device.deviceId;
}

function eventBase(clock: Clock, visitId: string, deviceId: string) {
  const now = clock.now();
  return { id: uuidv7(now.getTime(), clock.randomBytes(10)), visitId, deviceId, occurredAt: now.toISOString() };
}

/** An event's outbox row, sealed before any transaction opens (WebCrypto cannot run inside one). */
function outboxRow(db: HearthDatabase, event: HearthEvent): Promise<StoredOutboxItem> {
  return sealOutboxItem(db, { id: event.id, event, queuedAt: event.occurredAt, attempts: 0, lastError: null });
}

/**
 * The outbox is sent in queuedAt order, and order matters (a withdrawal after what it withdraws), so
 * queuedAt is kept strictly increasing even when two events share a millisecond (undo, re-record).
 * Runs inside the caller's transaction; queuedAt is kept in clear, so no key is needed here.
 */
async function queue(db: HearthDatabase, row: StoredOutboxItem): Promise<void> {
  const last = await db.outbox.orderBy('queuedAt').last();
  let queuedAt = row.queuedAt;
  if (last && last.queuedAt >= queuedAt) queuedAt = new Date(Date.parse(last.queuedAt) + 1).toISOString();
  await db.outbox.add({ ...row, queuedAt });
}

/** Optional fields are left out, not set to undefined, so the event hashes the same everywhere. */
function payloadOf(input: OutcomeInput): OutcomeRecordedPayload {
  const payload: Record<string, unknown> = {
    outcome: input.outcome,
    chosenCarerId: input.chosenCarerId,
    orderShown: input.orderShown,
  };
  for (const key of ['meetFirstCarerIds', 'reactions', 'presentation', 'language', 'howDecided'] as const) {
    if (input[key] !== undefined) payload[key] = input[key];
  }
  return payload as OutcomeRecordedPayload;
}

interface SealedOutcome {
  event: OutcomeRecorded;
  outcome: StoredOutcome;
  row: StoredOutboxItem;
}

/** Builds and seals an outcome and its event; nothing is written yet. */
async function sealedOutcome(db: HearthDatabase, input: OutcomeInput, deviceId: string, clock: Clock): Promise<SealedOutcome> {
  const event = OutcomeRecordedSchema.parse({
    ...eventBase(clock, input.visitId, deviceId),
    type: 'OutcomeRecorded',
    payload: payloadOf(input),
  });
  const outcome = await sealOutcome(db, {
    visitId: input.visitId,
    eventId: event.id,
    outcome: input.outcome,
    chosenCarerId: input.chosenCarerId,
    recordedAt: event.occurredAt,
    payload: event.payload,
  });
  return { event, outcome, row: await outboxRow(db, event) };
}

/** Builds and seals the withdrawal of the outcome whose event is `withdrawsEventId`. */
async function sealedWithdrawal(db: HearthDatabase, visitId: string, withdrawsEventId: string, deviceId: string, clock: Clock) {
  const event = OutcomeWithdrawnSchema.parse({
    ...eventBase(clock, visitId, deviceId),
    type: 'OutcomeWithdrawn',
    payload: { withdrawsEventId },
  });
  return { event, row: await outboxRow(db, event) };
}

/** Inside the transaction: the outcome sealed outside it must still be the one on the tablet. */
async function expectOutcome(db: HearthDatabase, visitId: string, eventId: string): Promise<void> {
  if ((await db.outcomes.get(visitId))?.eventId !== eventId) throw new NoOutcomeError();
}

/**
 * Records the person's decision. The outcome and its outbox row are written in ONE transaction:
 * either both are stored or neither, so the screen may say "saved" only after this resolves,
 * and a crash can never leave an outcome that will not be sent (or a send with no outcome).
 * Both are sealed first, outside the transaction.
 */
export async function recordOutcome(db: HearthDatabase, input: OutcomeInput, clock: Clock): Promise<OutcomeRecorded> {
  const sealed = await sealedOutcome(db, input, await deviceIdOf(db), clock);
  await db.transaction('rw', [db.outcomes, db.outbox], async () => {
    await db.outcomes.put(sealed.outcome);
    await queue(db, sealed.row);
  });
  return sealed.event;
}

/**
 * "Undo" while the organiser is there. Events are append-only, so the earlier outcome is not taken
 * out of the outbox (it may already be at the office): an OutcomeWithdrawn event is queued and the
 * local outcome removed, in ONE transaction.
 */
export async function withdrawOutcome(db: HearthDatabase, visitId: string, clock: Clock): Promise<OutcomeWithdrawn> {
  const deviceId = await deviceIdOf(db);
  const recorded = await db.outcomes.get(visitId);
  if (!recorded) throw new NoOutcomeError();
  const withdrawal = await sealedWithdrawal(db, visitId, recorded.eventId, deviceId, clock);
  await db.transaction('rw', [db.outcomes, db.outbox], async () => {
    await expectOutcome(db, visitId, recorded.eventId);
    await db.outcomes.delete(visitId);
    await queue(db, withdrawal.row);
  });
  return withdrawal.event;
}

/**
 * The organiser's answers to "How was this decided?".
 *
 * Why this shape: the person's outcome must be saved the moment they decide (the tablet could be
 * dropped or go flat before the organiser answers), so it is written at once with the `howDecided`
 * the app knows (indicated by touch, supports used, time taken). Events are append-only, so when the
 * organiser's answers differ, the first outcome is withdrawn and the same outcome recorded again with
 * their answers — both in ONE transaction, so the tablet never holds a withdrawn decision without its
 * replacement. The office shows the latest outcome not withdrawn.
 */
export async function rerecordOutcomeWithHowDecided(
  db: HearthDatabase,
  visitId: string,
  howDecided: HowDecided,
  clock: Clock,
): Promise<OutcomeRecorded> {
  const deviceId = await deviceIdOf(db);
  const stored = await db.outcomes.get(visitId);
  const recorded = stored && (await openOutcome(db, stored));
  if (!recorded?.payload) throw new NoOutcomeError();
  const { payload } = recorded;
  const withdrawal = await sealedWithdrawal(db, visitId, recorded.eventId, deviceId, clock);
  const again = await sealedOutcome(db, { ...payload, visitId, howDecided }, deviceId, clock);
  await db.transaction('rw', [db.outcomes, db.outbox], async () => {
    await expectOutcome(db, visitId, recorded.eventId);
    await db.outcomes.delete(visitId);
    await queue(db, withdrawal.row);
    await db.outcomes.put(again.outcome);
    await queue(db, again.row);
  });
  return again.event;
}

export interface PersonModeSettingsInput {
  visitId: string;
  personId: string;
  settings: PersonModeSettings;
}

/**
 * The organiser changed how person mode looks and works for this person. The event (so the office
 * remembers them in the profile) and a local copy (so this tablet uses them at once) are written in
 * ONE transaction.
 */
export async function recordPersonModeSettings(
  db: HearthDatabase,
  input: PersonModeSettingsInput,
  clock: Clock,
): Promise<PersonModeSettingsChanged> {
  const deviceId = await deviceIdOf(db);
  const event = PersonModeSettingsChangedSchema.parse({
    ...eventBase(clock, input.visitId, deviceId),
    type: 'PersonModeSettingsChanged',
    payload: { personId: input.personId, settings: input.settings },
  });
  const settings = await sealPersonModeSettings(db, { personId: input.personId, settings: event.payload.settings, changedAt: event.occurredAt });
  const row = await outboxRow(db, event);
  await db.transaction('rw', [db.personModeSettings, db.outbox], async () => {
    await db.personModeSettings.put(settings);
    await queue(db, row);
  });
  return event;
}
