import { randomBytes } from 'node:crypto';
import type { OutcomeRecorded, PushRequest } from '../../src/domain/events';
import { uuidv7 } from '../../src/domain/ids';

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

export function makePush(events: OutcomeRecorded[], overrides: Partial<PushRequest> = {}): PushRequest {
  return { deviceId: TEST_DEVICE_ID, deviceLabel: 'Safari on iPad (test)', events, ...overrides };
}
