import { randomBytes } from 'node:crypto';
import type { HearthEvent, OutcomeRecorded, OutcomeWithdrawn, PersonModeSettingsChanged, PushRequest } from '../../src/domain/events';
import { uuidv7 } from '../../src/domain/ids';
import { DEFAULT_PERSON_MODE_SETTINGS, type PersonModeSettings } from '../../src/domain/person-mode';

export const TEST_DEVICE_ID = '0190f5a2-7b3c-7d4e-8f00-00000000d001';

export function newEventId(): string {
  return uuidv7(Date.now(), randomBytes(10));
}

/** An outcome in which the person chose `chosenCarerId` from `orderShown`. */
export function makeOutcomeEvent(
  visitId: string,
  orderShown: string[],
  overrides: Partial<Omit<OutcomeRecorded, 'payload'>> & { payload?: Partial<OutcomeRecorded['payload']> } = {},
): OutcomeRecorded {
  const { payload, ...rest } = overrides;
  return {
    id: newEventId(),
    type: 'OutcomeRecorded',
    visitId,
    deviceId: TEST_DEVICE_ID,
    occurredAt: '2025-03-01T10:45:00.000Z',
    ...rest,
    payload: { outcome: 'chosen', chosenCarerId: orderShown[0] ?? null, orderShown, ...payload },
  };
}

/** The person asked to meet `meetFirst` before deciding. */
export function makeMeetFirstEvent(visitId: string, orderShown: string[], meetFirst: string[]): OutcomeRecorded {
  return makeOutcomeEvent(visitId, orderShown, { payload: { outcome: 'meet-first', chosenCarerId: null, meetFirstCarerIds: meetFirst } });
}

/** "Undo" on the tablet: withdraws `outcome`. */
export function makeWithdrawal(outcome: Pick<OutcomeRecorded, 'id' | 'visitId'>, overrides: Partial<OutcomeWithdrawn> = {}): OutcomeWithdrawn {
  return {
    id: newEventId(),
    type: 'OutcomeWithdrawn',
    visitId: outcome.visitId,
    deviceId: TEST_DEVICE_ID,
    occurredAt: '2025-03-01T10:46:00.000Z',
    payload: { withdrawsEventId: outcome.id },
    ...overrides,
  };
}

export function makeSettingsEvent(visitId: string, personId: string, settings: Partial<PersonModeSettings> = {}): PersonModeSettingsChanged {
  return {
    id: newEventId(),
    type: 'PersonModeSettingsChanged',
    visitId,
    deviceId: TEST_DEVICE_ID,
    occurredAt: '2025-03-01T10:40:00.000Z',
    payload: { personId, settings: { ...DEFAULT_PERSON_MODE_SETTINGS, ...settings } },
  };
}

export function makePush(events: HearthEvent[], overrides: Partial<PushRequest> = {}): PushRequest {
  return { deviceId: TEST_DEVICE_ID, deviceLabel: 'Safari on iPad (test)', events, ...overrides };
}
