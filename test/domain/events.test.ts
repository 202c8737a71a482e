import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HearthEventSchema, PushRequestSchema, canonicalJson } from '../../src/domain/events';

const deviceId = '01912345-6789-7abc-8def-0123456789ab';
const sam = '00000000-0000-4000-8000-000000000001';
const grace = '00000000-0000-4000-8000-000000000002';

const outcome = (payload: object, extra: object = {}) => ({
  id: '01912345-6789-7abc-8def-0123456789ac',
  type: 'OutcomeRecorded',
  visitId: '00000000-0000-4000-8000-0000000000aa',
  deviceId,
  occurredAt: '2026-11-24T10:00:00.000Z',
  payload,
  ...extra,
});

describe('OutcomeRecorded', () => {
  it('accepts a choice of one of the carers shown', () => {
    const event = outcome({ outcome: 'chosen', chosenCarerId: sam, orderShown: [sam, grace] });
    expect(HearthEventSchema.parse(event)).toEqual(event);
  });

  it('accepts "none of these" without a carer', () => {
    expect(HearthEventSchema.safeParse(outcome({ outcome: 'none-of-these', chosenCarerId: null, orderShown: [sam] })).success).toBe(true);
  });

  it.each([
    ['a choice with no carer', { outcome: 'chosen', chosenCarerId: null, orderShown: [sam] }, 'a choice must name the chosen carer'],
    ['a carer who was not shown', { outcome: 'chosen', chosenCarerId: grace, orderShown: [sam] }, 'not one of those shown'],
    ['"none" naming a carer', { outcome: 'none-of-these', chosenCarerId: sam, orderShown: [sam] }, 'only a choice names a carer'],
  ])('refuses %s with a message', (_name, payload, message) => {
    const result = HearthEventSchema.safeParse(outcome(payload));
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });

  it('refuses keys the tablet must not set, such as an organisation id', () => {
    const event = outcome({ outcome: 'chosen', chosenCarerId: sam, orderShown: [sam] }, { organisationId: sam });
    expect(HearthEventSchema.safeParse(event).success).toBe(false);
  });

  it('refuses a push whose events claim another device', () => {
    const event = outcome({ outcome: 'chosen', chosenCarerId: sam, orderShown: [sam] }, { deviceId: grace });
    const result = PushRequestSchema.safeParse({ deviceId, deviceLabel: 'Safari on iPad', events: [event] });
    expect(result.success).toBe(false);
  });
});

describe('canonicalJson', () => {
  it('is the same whatever order the keys were written in', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        return canonicalJson(value) === canonicalJson(reversed);
      }),
    );
  });

  it('tells different content apart', () => {
    expect(canonicalJson({ a: 1, b: [1, 2] })).toBe('{"a":1,"b":[1,2]}');
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: 2 }));
  });
});
