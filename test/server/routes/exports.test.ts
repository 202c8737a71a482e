import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_EXPORT_HEADERS } from '../../../src/domain/csv/outcomes-csv';
import { parseCsv } from '../../../src/domain/csv/parse-csv';
import type { HearthEvent } from '../../../src/domain/events';
import { PlanVisitResponseSchema } from '../../../src/domain/match-runs';
import { DEMO_CARE_WORKER } from '../../../src/server/seed/demo-data';
import { makeOutcomeEvent, makePush, makeWithdrawal } from '../../support/server-events';
import { planRequest, runMatchAsTheApp } from '../../support/server-matching';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

const SECOND_DEVICE_ID = '0190f5a2-7b3c-7d4e-8f00-00000000d002';
const column = (name: (typeof OUTCOME_EXPORT_HEADERS)[number]) => OUTCOME_EXPORT_HEADERS.indexOf(name);

describe('GET /api/exports/outcomes.csv', () => {
  let world: ServerWorld;
  let cookie: string;
  let otherCookie: string;
  /** A visit planned from a match run, on 5 March 2025, at a place typed as a formula. */
  let matchedVisit: string;
  let topMatch: string;
  let secondMatch: string;

  const candidatesOf = async (visitId: string) =>
    (await world.db.query<{ carer_id: string }>('select carer_id from visit_candidates where visit_id = $1 order by position', [visitId])).map((r) => r.carer_id);
  const push = async (events: HearthEvent[], as = cookie, deviceId?: string) => {
    const response = await world.app.inject({ method: 'POST', url: '/api/events', headers: { cookie: as }, payload: makePush(events, deviceId ? { deviceId } : {}) });
    expect(response.statusCode, response.body).toBe(200);
  };
  const exportCsv = (query = '', as = cookie) => world.app.inject({ method: 'GET', url: `/api/exports/outcomes.csv${query}`, headers: { cookie: as } });
  const rowsOf = async (query = '', as = cookie) => {
    const response = await exportCsv(query, as);
    expect(response.statusCode, response.body).toBe(200);
    const parsed = parseCsv(response.body);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.records[0]!.cells).toEqual([...OUTCOME_EXPORT_HEADERS]);
    return parsed.records.slice(1).map((r) => r.cells);
  };

  beforeAll(async () => {
    world = await makeServerWorld({ now: new Date('2026-11-20T09:00:00Z') });
    cookie = await world.signIn();
    otherCookie = await world.signIn(OTHER_ORGANISER);

    const { inputs, result } = await runMatchAsTheApp(world, cookie, world.demo.people.Hilda!);
    const plan = planRequest(inputs, result, { place: '=HYPERLINK("http://evil.example","Hilda")', plannedAt: '2025-03-05T10:30:00.000Z' });
    const planned = await world.app.inject({ method: 'POST', url: '/api/match-runs', headers: { cookie }, payload: plan });
    expect(planned.statusCode, planned.body).toBe(201);
    matchedVisit = PlanVisitResponseSchema.parse(planned.json()).visitId;
    [topMatch, secondMatch] = [result.ranked[0]!.id, result.ranked[1]!.id];

    // The matched visit: first the top match, withdrawn, then the second: the second is the outcome.
    const shown = plan.shortlist;
    const first = makeOutcomeEvent(matchedVisit, shown, { payload: { chosenCarerId: topMatch } });
    const second = makeOutcomeEvent(matchedVisit, shown, {
      occurredAt: '2025-03-05T10:52:00.000Z',
      payload: {
        chosenCarerId: secondMatch,
        howDecided: { indicatedBy: 'person-with-supporter', present: ['-daughter', 'Organiser'], supportsUsed: ['audio', 'large-text'], durationSeconds: 600 },
      },
    });
    await push([first, makeWithdrawal(first), second]);

    // Ruth (seeded, no match run): "none of these", then another tablet says she chose someone: an open conflict.
    const ruthShown = await candidatesOf(world.demo.visits.Ruth!);
    await push([makeOutcomeEvent(world.demo.visits.Ruth!, ruthShown, { payload: { outcome: 'none-of-these', chosenCarerId: null } })]);
    await push([makeOutcomeEvent(world.demo.visits.Ruth!, ruthShown, { deviceId: SECOND_DEVICE_ID })], cookie, SECOND_DEVICE_ID);

    // Peter's outcome was withdrawn: he has none, so he is not exported.
    const peter = makeOutcomeEvent(world.demo.visits.Peter!, await candidatesOf(world.demo.visits.Peter!));
    await push([peter, makeWithdrawal(peter)]);

    // The other organisation's Hilda chose someone: never in this organisation's export.
    await push([makeOutcomeEvent(world.other.visits.Hilda!, await candidatesOf(world.other.visits.Hilda!))], otherCookie);
  });
  afterAll(() => world.close());

  it('sends a CSV file to download, named by its range', async () => {
    const response = await exportCsv('?from=2025-03-01&to=2025-03-31');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="hearth-outcomes-2025-03-01-2025-03-31.csv"');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body.startsWith('\uFEFFVisit date,Visit time,Place,')).toBe(true);
    expect((await exportCsv()).headers['content-disposition']).toBe('attachment; filename="hearth-outcomes-all.csv"');
  });

  it('writes one row per visit with a current outcome, in visit order, in plain words', async () => {
    const carerName = async (id: string) => (await world.db.query<{ first_name: string }>('select first_name from carers where id = $1', [id]))[0]!.first_name;
    const rows = await rowsOf();
    expect(rows.map((r) => r[column('Person')])).toEqual(['Hilda', 'Ruth']);
    const [hilda, ruth] = rows as [string[], string[]];
    const shownNames = await Promise.all((await candidatesOf(matchedVisit)).map(carerName));
    expect(hilda).toEqual([
      '2025-03-05',
      '10:30',
      '\'=HYPERLINK("http://evil.example","Hilda")',
      'Hilda',
      'Chose a carer',
      await carerName(secondMatch),
      shownNames.join('; '),
      'no',
      'The person, with a supporter’s help',
      "'-daughter; Organiser",
      'Listening (audio); Larger text',
      '2025-03-05 10:52',
      expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
      'no',
    ]);
    expect(ruth[column('Outcome')]).toBe('Chose a carer');
    expect(ruth[column('Top match chosen')]).toBe('no match run');
    expect(ruth[column('Open conflict')]).toBe('yes');
    expect(ruth[column('Indicated by')]).toBe('not recorded');
  });

  it('guards every cell against being run as a formula, and quotes what needs quoting', async () => {
    const response = await exportCsv('?from=2025-03-05&to=2025-03-05');
    expect(response.body).toContain('"\'=HYPERLINK(""http://evil.example"",""Hilda"")"');
    const rows = await rowsOf('?from=2025-03-05&to=2025-03-05');
    expect(rows).toHaveLength(1);
    for (const cell of rows[0]!) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('says yes when the top match was chosen', async () => {
    // A later answer from the same tablet, after withdrawing the earlier one: the top match.
    const { inputs, result } = await runMatchAsTheApp(world, cookie, world.demo.people.Hilda!);
    const plan = planRequest(inputs, result, { plannedAt: '2025-04-02T09:00:00.000Z' });
    const planned = await world.app.inject({ method: 'POST', url: '/api/match-runs', headers: { cookie }, payload: plan });
    const visitId = PlanVisitResponseSchema.parse(planned.json()).visitId;
    await push([makeOutcomeEvent(visitId, plan.shortlist, { payload: { chosenCarerId: result.ranked[0]!.id } })]);
    const rows = await rowsOf('?from=2025-04-01');
    expect(rows.map((r) => [r[column('Visit date')], r[column('Top match chosen')]])).toEqual([
      ['2025-04-02', 'yes'],
      [expect.stringMatching(/^2026-11-/), 'no match run'],
    ]);
  });

  it('keeps to the range, both days included', async () => {
    expect((await rowsOf('?from=2025-03-06&to=2025-03-31'))).toEqual([]);
    expect((await rowsOf('?to=2025-03-05')).map((r) => r[column('Visit date')])).toEqual(['2025-03-05']);
    expect((await rowsOf('?from=2026-11-01')).map((r) => r[column('Person')])).toEqual(['Ruth']);
  });

  it("never includes another organisation's outcomes", async () => {
    const rows = await rowsOf('', otherCookie);
    expect(rows.map((r) => r[column('Person')])).toEqual(['Hilda']);
    expect(rows[0]![column('Open conflict')]).toBe('no');
    expect((await exportCsv('', otherCookie)).body).not.toContain('evil.example');
  });

  it('refuses dates it cannot read, in plain words', async () => {
    for (const [query, message] of [
      ['?from=2025-02-30', 'from: is not a real date.'],
      ['?from=5/3/2025', 'from: must be a date such as 2026-03-01.'],
      ['?from=2025-03-31&to=2025-03-01', 'to: must not be before from.'],
    ] as const) {
      const response = await exportCsv(query);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().error.message).toBe(message);
    }
  });

  it('is for organisers only', async () => {
    const careWorker = await world.signIn(DEMO_CARE_WORKER);
    const response = await exportCsv('', careWorker);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('not-allowed');
    expect((await world.app.inject({ method: 'GET', url: '/api/exports/outcomes.csv' })).statusCode).toBe(401);
  });
});
