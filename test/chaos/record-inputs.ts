import { Dice, mulberry32 } from '../../src/cli/bench/mulberry32';
import type { HowDecided } from '../../src/domain/events';
import type { PersonModeSettings } from '../../src/domain/person-mode';
import type { OutcomeInput } from '../../src/local-db/record-event';

/** A demo visit as the office sent it: real ids, fetched once through the real transport. */
export interface ChaosVisit {
  visitId: string;
  personId: string;
  /** The candidates' ids, in the pack's order. */
  carerIds: string[];
}

/** A decision the person could make at this visit; `variant` picks which. */
export function outcomeInputFor(visit: ChaosVisit, variant: number): OutcomeInput {
  const dice = new Dice(mulberry32(variant));
  const shown = dice.some(visit.carerIds, dice.int(1, Math.min(4, visit.carerIds.length)));
  const outcome = dice.pick(['chosen', 'none-of-these', 'not-sure-yet', 'meet-first'] as const);
  const input: OutcomeInput = {
    visitId: visit.visitId,
    outcome,
    chosenCarerId: outcome === 'chosen' ? dice.pick(shown) : null,
    orderShown: shown,
  };
  if (outcome === 'meet-first') input.meetFirstCarerIds = dice.some(shown, dice.int(1, shown.length));
  if (dice.chance(0.6)) {
    input.reactions = shown
      .filter(() => dice.chance(0.7))
      .map((carerId) => ({ carerId, reaction: dice.pick(['like', 'not-sure', 'not-for-me'] as const) }));
  }
  if (dice.chance(0.5)) input.presentation = dice.pick(['description-first', 'face-first'] as const);
  if (dice.chance(0.5)) input.language = dice.pick(['en', 'cy'] as const);
  if (dice.chance(0.3)) input.howDecided = howDecidedFor(dice.int(0, 2 ** 31 - 1));
  return input;
}

/** The organiser's answers to "How was this decided?". */
export function howDecidedFor(variant: number): HowDecided {
  const dice = new Dice(mulberry32(variant));
  return {
    indicatedBy: dice.pick(['person-by-touch', 'person-by-pointing', 'person-with-supporter', 'family-on-their-behalf'] as const),
    present: dice.some(['organiser', 'daughter', 'advocate', 'son'], dice.int(0, 3)),
    supportsUsed: dice.some(['audio', 'captions', 'scanning', 'large-text', 'welsh'] as const, dice.int(0, 3)),
    durationSeconds: dice.int(0, 3600),
  };
}

export function settingsFor(variant: number): PersonModeSettings {
  const dice = new Dice(mulberry32(variant));
  const settings: PersonModeSettings = {
    language: dice.pick(['en', 'cy'] as const),
    textSize: dice.pick(['large', 'larger', 'largest'] as const),
    highContrast: dice.chance(0.5),
    reducedMotion: dice.chance(0.5),
    selection: dice.pick(['press', 'dwell', 'scan'] as const),
    dwellMs: dice.int(500, 5_000),
    scanIntervalMs: dice.int(1_000, 10_000),
    descriptionFirst: dice.pick([null, true, false]),
  };
  if (dice.chance(0.5)) settings.scanSpeak = dice.chance(0.5);
  return settings;
}
