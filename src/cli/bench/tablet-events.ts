import type {
  HearthEvent,
  HowDecided,
  Outcome,
  OutcomeRecorded,
  OutcomeRecordedPayload,
  OutcomeWithdrawn,
  PersonModeSettingsChanged,
  Reaction,
  SupportUsed,
} from '../../domain/events';
import { uuidv7 } from '../../domain/ids';
import { DEFAULT_PERSON_MODE_SETTINGS } from '../../domain/person-mode';
import type { Dice } from './mulberry32';
import type { BenchVisit } from './sync-world';

const OUTCOMES: Outcome[] = ['chosen', 'chosen', 'chosen', 'chosen', 'chosen', 'chosen', 'chosen', 'none-of-these', 'not-sure-yet', 'meet-first'];
const REACTIONS: Reaction[] = ['like', 'not-sure', 'not-for-me'];
const SUPPORTS: SupportUsed[] = ['audio', 'captions', 'scanning', 'dwell', 'large-text', 'high-contrast', 'welsh'];
const PRESENT = ['organiser', 'daughter', 'son', 'advocate', 'neighbour'];

/** Ids as the tablet makes them (UUIDv7 from its clock), so the server's index sees real ones. */
export interface EventIds {
  next(atMs: number): string;
}

/**
 * One home visit as the app records it (src/local-db/record-event.ts): sometimes a settings change
 * before the hand-over, the person's outcome, sometimes an undo and a new answer, and often the
 * organiser's "How was this decided?" answers, which withdraw the outcome and record it again.
 */
export function visitEvents(dice: Dice, ids: EventIds, deviceId: string, visit: BenchVisit, startMs: number): HearthEvent[] {
  let clock = startMs;
  const base = () => {
    clock += dice.int(1_000, 120_000);
    return { id: ids.next(clock), visitId: visit.visitId, deviceId, occurredAt: new Date(clock).toISOString() };
  };
  const events: HearthEvent[] = [];
  if (dice.chance(0.4)) {
    const settings = {
      ...DEFAULT_PERSON_MODE_SETTINGS,
      language: dice.chance(0.1) ? ('cy' as const) : ('en' as const),
      textSize: dice.pick(['large', 'larger', 'largest'] as const),
      highContrast: dice.chance(0.2),
      selection: dice.pick(['press', 'press', 'dwell', 'scan'] as const),
    };
    events.push({ ...base(), type: 'PersonModeSettingsChanged', payload: { personId: visit.personId, settings } } satisfies PersonModeSettingsChanged);
  }
  let outcome: OutcomeRecorded = { ...base(), type: 'OutcomeRecorded', payload: outcomePayload(dice, visit.carerIds, appHowDecided(dice)) };
  events.push(outcome);
  const withdraw = (): OutcomeWithdrawn => ({ ...base(), type: 'OutcomeWithdrawn', payload: { withdrawsEventId: outcome.id } });
  if (dice.chance(0.1)) {
    // Undo while the organiser is still there, and a new answer.
    events.push(withdraw());
    outcome = { ...base(), type: 'OutcomeRecorded', payload: outcomePayload(dice, visit.carerIds, appHowDecided(dice)) };
    events.push(outcome);
  }
  if (dice.chance(0.6)) {
    // The organiser's answers differ from what the app knew: withdrawn and recorded again with them.
    events.push(withdraw());
    const howDecided: HowDecided = { ...outcome.payload.howDecided!, present: dice.some(PRESENT, dice.int(1, 3)) };
    events.push({ ...base(), type: 'OutcomeRecorded', payload: { ...outcome.payload, howDecided } });
  }
  return events;
}

function appHowDecided(dice: Dice): HowDecided {
  return {
    indicatedBy: dice.pick(['person-by-touch', 'person-by-touch', 'person-by-pointing', 'person-with-supporter'] as const),
    present: ['organiser'],
    supportsUsed: dice.some(SUPPORTS, dice.int(0, 3)),
    durationSeconds: dice.int(60, 1_800),
  };
}

/** Optional fields left out rather than undefined, as the app writes them (the hash depends on it). */
function outcomePayload(dice: Dice, shown: string[], howDecided: HowDecided): OutcomeRecordedPayload {
  const outcome = dice.pick(OUTCOMES);
  const payload: OutcomeRecordedPayload = {
    outcome,
    chosenCarerId: outcome === 'chosen' ? dice.pick(shown) : null,
    orderShown: shown,
    reactions: shown.map((carerId) => ({ carerId, reaction: dice.pick(REACTIONS) })),
    presentation: dice.chance(0.8) ? 'description-first' : 'face-first',
    language: dice.chance(0.1) ? 'cy' : 'en',
    howDecided,
  };
  if (outcome === 'meet-first') payload.meetFirstCarerIds = dice.some(shown, dice.int(1, 2));
  return payload;
}

/** UUIDv7 ids with random bits from `randomBytes` (not the bench's seeded dice: ids must never repeat). */
export function eventIds(randomBytes: (count: number) => Uint8Array): EventIds {
  return { next: (atMs) => uuidv7(Math.floor(atMs), randomBytes(10)) };
}
