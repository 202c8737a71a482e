import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissingOutcomesReportSchema } from '../../src/domain/audit';
import { VisitPackSchema } from '../../src/domain/visits';
import { DEMO_ADMIN, DEMO_CARE_WORKER, DEMO_MANAGER, DEMO_ORGANISER } from '../../src/server/seed/demo-data';
import { makeOutcomeEvent, makePush } from '../support/server-events';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../support/server-world';

const OTHER_TABLET = '0190f5a2-7b3c-7d4e-8f00-00000000d0ff';

/**
 * F7, the office's half: a tablet that lost its storage never sends the outcomes it held, so the office
 * lists visits whose pack reached a tablet but whose outcome has not arrived some hours after the visit.
 */
describe('GET /api/reports/missing-outcomes: packs downloaded, no outcome received', () => {
  let world: ServerWorld;
  let tablet: string;
  let otherTablet: string;

  beforeAll(async () => {
    world = await makeServerWorld();
    tablet = await world.signInOnTablet(DEMO_ORGANISER);
    otherTablet = await world.signInOnTablet(OTHER_ORGANISER, OTHER_TABLET);
  });
  afterAll(() => world.close());

  const get = (url: string, cookie = tablet) => world.app.inject({ method: 'GET', url, headers: { cookie } });
  const download = async (visitId: string, cookie = tablet) => {
    const response = await get(`/api/visits/${visitId}/pack`, cookie);
    expect(response.statusCode, response.body).toBe(200);
    return VisitPackSchema.parse(response.json());
  };
  const report = async (query = '', cookie = tablet) => {
    const response = await get(`/api/reports/missing-outcomes${query}`, cookie);
    expect(response.statusCode, response.body).toBe(200);
    return MissingOutcomesReportSchema.parse(response.json());
  };
  /** Time passes (test only: the app never rewrites its audit log): downloads and visits move `hours` into the past. */
  const hoursPass = async (hours: number, visitIds: string[]) => {
    await world.db.query('update audit_events set at = at - make_interval(hours => $1::int)', [hours]);
    await world.db.query('update visits set planned_at = now() - make_interval(hours => $1::int) where id = any($2::uuid[])', [hours, visitIds]);
  };

  it('lists the visits with no outcome 24 hours after the pack and the visit, and not those whose outcome arrived', async () => {
    const { Hilda: hilda, Peter: peter, Ruth: ruth } = world.demo.visits as Record<string, string>;
    await download(hilda!);
    const peterPack = await download(peter!);
    await download(ruth!);
    await download(world.other.visits.Hilda!, otherTablet);
    const pushed = await world.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: { cookie: tablet },
      payload: makePush([makeOutcomeEvent(peter!, peterPack.candidates.map((c) => c.id))]),
    });
    expect(pushed.statusCode, pushed.body).toBe(200);

    // Downloaded just now: nothing is late yet.
    expect((await report()).visits).toEqual([]);

    await hoursPass(30, [hilda!, peter!, world.other.visits.Hilda!]);
    const late = await report();
    expect(late.hours).toBe(24);
    // Ruth's visit is still to come (planned days ahead): her pack being on the tablet is not late.
    expect(late.visits.map((v) => v.visitId)).toEqual([hilda]);
    expect(late.visits[0]).toMatchObject({ personName: 'Hilda', downloadedBy: DEMO_ORGANISER.name, tablet: 'Safari on iPad (test)' });
    expect(Date.parse(late.visits[0]!.downloadedAt)).toBeLessThan(Date.now() - 29 * 3600_000);

    await world.db.query('update visits set planned_at = now() - interval \'30 hours\' where id = $1', [ruth]);
    expect((await report()).visits.map((v) => v.visitId).sort()).toEqual([hilda, ruth].sort());
    expect((await report('?hours=48')).visits).toEqual([]);
  });

  it('never lists another organisation’s visits, and the other organisation sees only its own', async () => {
    const ours = await report();
    expect(ours.visits.map((v) => v.visitId)).not.toContain(world.other.visits.Hilda);
    const theirs = await report('', otherTablet);
    expect(theirs.visits.map((v) => v.visitId)).toEqual([world.other.visits.Hilda]);
    expect(theirs.visits[0]).toMatchObject({ downloadedBy: OTHER_ORGANISER.name });
  });

  it('is for organisers, admins and managers; a care worker is refused; a bad number of hours is a 400', async () => {
    for (const login of [DEMO_ADMIN, DEMO_MANAGER]) {
      const cookie = await world.signIn(login);
      expect((await report('', cookie)).visits.length, login.email).toBe(2);
    }
    const careWorker = await world.signIn(DEMO_CARE_WORKER);
    const refused = await get('/api/reports/missing-outcomes', careWorker);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('Hilda');
    for (const bad of ['?hours=0', '?hours=-3', '?hours=abc', '?hours=99999', '?hours=24&organisationId=x']) {
      expect((await get(`/api/reports/missing-outcomes${bad}`)).statusCode, bad).toBe(400);
    }
  });
});
