import { describe, expect, it } from 'vitest';
import type { HearthEvent } from '../../src/domain/events';
import { contentHash } from '../../src/server/events/store-events';
import { makeOutcomeEvent, makeSettingsEvent, makeWithdrawal } from '../support/server-events';
import { verifySequence, type ServerEventRow, type TabletsOutcome } from './verify';

const VISIT = '0190f5a2-7b3c-7d4e-8f00-0000000000a1';
const PERSON = '0190f5a2-7b3c-7d4e-8f00-0000000000b1';
const CARERS = ['0190f5a2-7b3c-7d4e-8f00-0000000000c1', '0190f5a2-7b3c-7d4e-8f00-0000000000c2'];

let seq = 0;
function rowOf(event: HearthEvent, overrides: Partial<ServerEventRow> = {}): ServerEventRow {
  const followUps = event.type === 'OutcomeRecorded' && event.payload.outcome !== 'chosen' ? 1 : 0;
  seq += 1;
  return {
    id: event.id,
    deviceId: event.deviceId,
    type: event.type,
    payload: JSON.parse(JSON.stringify(event.payload)) as unknown,
    contentHash: contentHash(event),
    receivedSeq: seq,
    copies: 1,
    followUps,
    ...overrides,
  };
}

function tablets(committed: HearthEvent[], overrides: Partial<TabletsOutcome> = {}): TabletsOutcome {
  return { committed, shownAsSent: new Set(committed.map((e) => e.id)), saved: [], localOutcomes: [], leftInOutbox: [], ...overrides };
}

describe('verifySequence', () => {
  const chosen = makeOutcomeEvent(VISIT, CARERS);
  const notSure = makeOutcomeEvent(VISIT, CARERS, { payload: { outcome: 'not-sure-yet', chosenCarerId: null } });
  const withdrawal = makeWithdrawal(chosen);

  it('passes when the office has each committed event once, as committed', () => {
    const events = [chosen, notSure, withdrawal];
    expect(verifySequence(tablets(events, { saved: events.map((e) => e.id) }), events.map((e) => rowOf(e)))).toEqual({
      events: 3,
      lost: [],
      duplicated: [],
    });
  });

  it('counts an event the office lacks as lost, saying whether the tablet shows it as sent', () => {
    const sent = verifySequence(tablets([chosen]), []);
    expect(sent.lost).toEqual([expect.stringMatching(/not at the office, though the tablet shows it as sent/)]);
    const waiting = verifySequence(tablets([chosen], { shownAsSent: new Set(), leftInOutbox: [chosen.id] }), []);
    expect(waiting.lost).toEqual([expect.stringMatching(/still in the outbox/)]);
  });

  it('counts other content under the same id as lost', () => {
    const verdict = verifySequence(tablets([chosen]), [rowOf(chosen, { contentHash: 'f'.repeat(64) })]);
    expect(verdict.lost).toEqual([expect.stringMatching(/with other content/)]);
    const payload = verifySequence(tablets([chosen]), [rowOf(chosen, { payload: { ...chosen.payload, chosenCarerId: CARERS[1] } })]);
    expect(payload.lost).toHaveLength(1);
  });

  it('counts a second copy, a second follow-up and an event nobody committed as duplicated', () => {
    const stray = makeOutcomeEvent(VISIT, CARERS);
    const verdict = verifySequence(tablets([chosen, notSure]), [rowOf(chosen, { copies: 2 }), rowOf(notSure, { followUps: 2 }), rowOf(stray)]);
    expect(verdict.duplicated).toEqual([
      expect.stringMatching(/stored 2 times/),
      expect.stringMatching(/opened 2 follow-ups/),
      expect.stringMatching(/no tablet committed it/),
    ]);
    expect(verdict.lost).toEqual([]);
  });

  it('counts a missing follow-up as lost', () => {
    expect(verifySequence(tablets([notSure]), [rowOf(notSure, { followUps: 0 })]).lost).toEqual([expect.stringMatching(/no follow-up/)]);
  });

  it('counts "saved" with no committed outbox row, and an outcome kept without its event, as lost', () => {
    const verdict = verifySequence(tablets([], { saved: [chosen.id], localOutcomes: [notSure.id] }), []);
    expect(verdict.lost).toEqual([expect.stringMatching(/shown as saved/), expect.stringMatching(/torn write/)]);
  });

  it("counts one tablet's settings reaching the office older-after-newer as lost", () => {
    const older = makeSettingsEvent(VISIT, PERSON, { textSize: 'larger' });
    const newer = makeSettingsEvent(VISIT, PERSON, { textSize: 'largest' });
    const inOrder = verifySequence(tablets([older, newer]), [rowOf(older, { receivedSeq: 1 }), rowOf(newer, { receivedSeq: 2 })]);
    expect(inOrder.lost).toEqual([]);
    const swapped = verifySequence(tablets([older, newer]), [rowOf(older, { receivedSeq: 2 }), rowOf(newer, { receivedSeq: 1 })]);
    expect(swapped.lost).toEqual([expect.stringMatching(/newer settings are overwritten/)]);
  });
});
