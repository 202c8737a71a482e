import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, AuditPageSchema, type AuditAction, type AuditSubjectType } from '../../../src/domain/audit';
import { DEFAULT_PERSON_MODE_SETTINGS } from '../../../src/domain/person-mode';
import { PersonProfileFormSchema, PersonProfileViewSchema } from '../../../src/domain/person-profile-form';
import { DEMO_ADMIN, DEMO_CARE_WORKER, DEMO_MANAGER, DEMO_ORGANISER } from '../../../src/server/seed/demo-data';
import { TEST_DEVICE_ID } from '../../support/server-events';
import { makeServerWorld, OTHER_ADMIN, type ServerWorld } from '../../support/server-world';

// Written into Hilda's profile: none of it may ever reach an audit row.
const CANARY_NAME = 'Hildegard-Canary';
const CANARY_HEALTH = 'canary-angina-7731 and a fear of dogs';

interface AuditRow {
  organisation_id: string;
  actor_user_id: string;
  actor_role: string;
  device_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
}

describe('the audit log: who viewed or changed a person’s data, and who exported it', () => {
  let world: ServerWorld;
  let organiser: string;
  let tablet: string;
  let admin: string;
  let manager: string;
  let careWorker: string;
  let otherAdmin: string;
  let org: string;

  beforeAll(async () => {
    world = await makeServerWorld();
    org = world.demo.organisationId;
    organiser = await world.signIn(DEMO_ORGANISER);
    tablet = await world.signInOnTablet(DEMO_ORGANISER, TEST_DEVICE_ID);
    admin = await world.signIn(DEMO_ADMIN);
    manager = await world.signIn(DEMO_MANAGER);
    careWorker = await world.signIn(DEMO_CARE_WORKER);
    otherAdmin = await world.signIn(OTHER_ADMIN);
  });
  afterAll(() => world.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown) =>
    world.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const rows = () => world.db.query<AuditRow>('select * from audit_events order by at, id');
  const count = async () => (await world.db.query<{ n: number }>('select count(*)::int as n from audit_events'))[0]!.n;
  /** The demo organisation's entries only (the other organisation's admin signs in too). */
  const ownCount = async () => (await world.db.query<{ n: number }>('select count(*)::int as n from audit_events where organisation_id = $1', [org]))[0]!.n;
  const hilda = () => world.demo.people.Hilda!;
  const sam = () => world.demo.carers.Sam!;
  const hildaVisit = () => world.demo.visits.Hilda!;
  const viewOf = async (personId: string) => PersonProfileViewSchema.parse((await call('GET', `/api/people/${personId}/profile`, organiser)).json());

  /** Runs one request and returns the entries it wrote. */
  async function entriesOf(send: () => Promise<{ statusCode: number; body: string }>, status = 200): Promise<AuditRow[]> {
    const before = await count();
    const response = await send();
    expect(response.statusCode, response.body).toBe(status);
    return (await rows()).slice(before);
  }

  const expectOne = (written: AuditRow[], action: AuditAction, type: AuditSubjectType, id: string, who = world.demo.userId, role = 'organiser') => {
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ organisation_id: org, actor_user_id: who, actor_role: role, action, subject_type: type, subject_id: id });
  };

  it('writes exactly one entry, with organisation, actor, action and subject, for each read and change of a person', async () => {
    expectOne(await entriesOf(() => call('GET', `/api/people/${hilda()}/profile`, organiser)), 'person.viewed', 'person', hilda());
    expectOne(await entriesOf(() => call('GET', `/api/people/${hilda()}/match-inputs`, organiser)), 'person.viewed', 'person', hilda());
    expectOne(await entriesOf(() => call('GET', '/api/people/profiles', organiser)), 'people.listed', 'organisation', org);

    const before = await viewOf(hilda());
    const profile = PersonProfileFormSchema.parse({ ...before.draft, firstName: CANARY_NAME, communication: CANARY_HEALTH, speech: 'speaks', usesPictures: false });
    expectOne(
      await entriesOf(() => call('PUT', `/api/people/${hilda()}/profile`, organiser, { profile, basedOnUpdatedAt: before.updatedAt })),
      'person.changed',
      'person',
      hilda(),
    );
    expectOne(
      await entriesOf(() => call('PUT', `/api/people/${hilda()}/person-mode`, organiser, { settings: DEFAULT_PERSON_MODE_SETTINGS })),
      'person.changed',
      'person',
      hilda(),
    );
    const added = await entriesOf(() => call('POST', '/api/people', organiser, { firstName: 'Winifred' }), 201);
    const winifred = (await world.db.query<{ id: string }>("select id from people where first_name = 'Winifred'"))[0]!.id;
    expectOne(added, 'person.changed', 'person', winifred);
  });

  it('records a pack reaching a tablet with the tablet’s id, evidence and report reads, and the CSV export', async () => {
    expectOne(await entriesOf(() => call('GET', `/api/visits/${hildaVisit()}/pack`, tablet)), 'pack.downloaded', 'visit', hildaVisit());
    expect((await rows()).at(-1)!.device_id).toBe(TEST_DEVICE_ID);
    expectOne(await entriesOf(() => call('GET', `/api/visits/${hildaVisit()}/evidence`, organiser)), 'evidence.viewed', 'visit', hildaVisit());
    expectOne(await entriesOf(() => call('GET', '/api/reports/choice', organiser)), 'report.viewed', 'organisation', org);
    expectOne(await entriesOf(() => call('GET', '/api/exports/outcomes.csv', organiser)), 'outcomes.exported', 'organisation', org);
    // A browser at the office has no device.
    expect((await rows()).at(-1)!.device_id).toBeNull();
  });

  it('records care workers’ profiles read and changed, by the organiser or the care worker themself', async () => {
    expectOne(await entriesOf(() => call('GET', `/api/carers/${sam()}/profile`, organiser)), 'carer.viewed', 'carer', sam());
    expectOne(await entriesOf(() => call('GET', '/api/carers', organiser)), 'carers.listed', 'organisation', org);
    expectOne(
      await entriesOf(() => call('GET', `/api/carers/${sam()}/profile`, careWorker)),
      'carer.viewed',
      'carer',
      sam(),
      world.demo.careWorkerUserId!,
      'care-worker',
    );
    expectOne(
      await entriesOf(() => call('PUT', `/api/carers/${sam()}/consent`, careWorker, { agreed: true })),
      'carer.changed',
      'carer',
      sam(),
      world.demo.careWorkerUserId!,
      'care-worker',
    );
    const added = await entriesOf(() => call('POST', '/api/carers', organiser, { firstName: 'Ffion' }), 201);
    const ffion = (await world.db.query<{ id: string }>("select id from carers where first_name = 'Ffion'"))[0]!.id;
    expectOne(added, 'carer.changed', 'carer', ffion);
  });

  it('writes nothing for a refused, failed or signed-out request', async () => {
    const peter = world.demo.people.Peter!;
    const stale = await viewOf(peter);
    const profile = PersonProfileFormSchema.parse({ ...stale.draft, speech: 'speaks', usesPictures: false });
    await call('PUT', `/api/people/${peter}/profile`, organiser, { profile, basedOnUpdatedAt: stale.updatedAt });
    const refused: [string, () => Promise<{ statusCode: number; body: string }>, number][] = [
      ['signed out', () => call('GET', `/api/people/${hilda()}/profile`, ''), 401],
      ['a care worker reading a person', () => call('GET', `/api/people/${hilda()}/profile`, careWorker), 403],
      ['a manager reading a person', () => call('GET', `/api/people/${hilda()}/profile`, manager), 403],
      ['another organisation’s person', () => call('GET', `/api/people/${world.other.people.Hilda}/profile`, organiser), 404],
      ['an id that is no one', () => call('GET', '/api/people/00000000-0000-4000-8000-000000000000/profile', organiser), 404],
      ['a stale save', () => call('PUT', `/api/people/${peter}/profile`, organiser, { profile, basedOnUpdatedAt: stale.updatedAt }), 409],
      ['a save with an extra field', () => call('PUT', `/api/people/${peter}/profile`, organiser, { profile, basedOnUpdatedAt: stale.updatedAt, organisationId: org }), 400],
      ['another organisation’s person-mode', () => call('PUT', `/api/people/${world.other.people.Hilda}/person-mode`, organiser, { settings: DEFAULT_PERSON_MODE_SETTINGS }), 404],
      ['a pack to a browser that is not an enrolled tablet', () => call('GET', `/api/visits/${hildaVisit()}/pack`, organiser), 403],
      ['another organisation’s pack', () => call('GET', `/api/visits/${world.other.visits.Hilda}/pack`, tablet), 404],
      ['another care worker’s profile', () => call('GET', `/api/carers/${world.demo.carers.Bethan}/profile`, careWorker), 404],
      ['an export with a bad date', () => call('GET', '/api/exports/outcomes.csv?from=2026-02-31', organiser), 400],
    ];
    for (const [what, send, status] of refused) {
      const before = await count();
      const response = await send();
      expect(response.statusCode, `${what}: ${response.body}`).toBe(status);
      expect(await count(), what).toBe(before);
    }
  });

  it('holds ids only: no name, email or health text of anyone in any audit row', async () => {
    const all = JSON.stringify(await world.db.query('select * from audit_events'));
    expect(all.length).toBeGreaterThan(1000);
    const people = await world.db.query<{ first_name: string }>('select first_name from people');
    const carers = await world.db.query<{ first_name: string }>('select first_name from carers');
    const users = await world.db.query<{ name: string; email: string }>('select name, email from users');
    const canaries = [CANARY_NAME, CANARY_HEALTH, 'angina', ...people.map((p) => p.first_name), ...carers.map((c) => c.first_name), ...users.flatMap((u) => [u.name, u.email])];
    for (const canary of canaries) expect(all.toLowerCase(), canary).not.toContain(canary.toLowerCase());
  });

  it('is read by admins only, newest first, with names looked up for display', async () => {
    for (const [who, cookie] of [
      ['organiser', organiser],
      ['manager', manager],
      ['care worker', careWorker],
      ['signed out', ''],
    ] as const) {
      const refused = await call('GET', '/api/audit', cookie);
      expect(refused.statusCode, who).toBe(cookie === '' ? 401 : 403);
      expect(refused.body, who).not.toContain(hilda());
    }
    const response = await call('GET', '/api/audit', admin);
    expect(response.statusCode, response.body).toBe(200);
    const page = AuditPageSchema.parse(response.json());
    const times = page.entries.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    const download = page.entries.find((e) => e.action === 'pack.downloaded')!;
    expect(download).toMatchObject({
      actor: { userId: world.demo.userId, name: DEMO_ORGANISER.name, role: 'organiser' },
      device: { id: TEST_DEVICE_ID, label: 'Safari on iPad (test)' },
      subject: { type: 'visit', id: hildaVisit(), name: CANARY_NAME },
    });
    expect(page.people.map((p) => p.name)).toContain(CANARY_NAME);
    expect(page.actors.map((a) => a.name)).toContain(DEMO_ORGANISER.name);
  });

  it('filters by action, person (their visits too), actor and date, and pages', async () => {
    const read = async (query: string) => {
      const response = await call('GET', `/api/audit?${query}`, admin);
      expect(response.statusCode, response.body).toBe(200);
      return AuditPageSchema.parse(response.json());
    };
    // Hilda's profile and person mode, Winifred added, Peter's save before the stale one.
    const changes = (await read('action=person.changed')).entries;
    expect(changes.map((e) => e.subject.name)).toEqual(['Peter', 'Winifred', CANARY_NAME, CANARY_NAME]);
    const aboutHilda = await read(`personId=${hilda()}`);
    expect(new Set(aboutHilda.entries.map((e) => e.action))).toEqual(new Set(['person.viewed', 'person.changed', 'pack.downloaded', 'evidence.viewed']));
    expect(aboutHilda.entries.every((e) => e.subject.name === CANARY_NAME)).toBe(true);
    // Their sign-in, their profile read, their consent.
    expect((await read(`actorUserId=${world.demo.careWorkerUserId}`)).entries.map((e) => e.action).sort()).toEqual(['carer.changed', 'carer.viewed', 'session.signed-in']);
    expect((await read('from=2001-01-01&to=2001-12-31')).entries).toHaveLength(0);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    // Every read of the log is entered after it is read: a page holds every entry before it.
    const all = await ownCount();
    expect((await read(`from=${today}&to=${today}`)).entries.length).toBe(Math.min(all, AUDIT_PAGE_SIZE));

    for (let i = 0; i < AUDIT_PAGE_SIZE; i++) await call('GET', `/api/people/${hilda()}/profile`, organiser);
    const first = await read('');
    const second = await read('page=2');
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.hasMore).toBe(true);
    expect(second.page).toBe(2);
    // The second page's own read is the one entry it does not see.
    expect(second.entries.length).toBe((await ownCount()) - 1 - AUDIT_PAGE_SIZE);
    expect(second.entries[0]!.at <= first.entries.at(-1)!.at).toBe(true);

    for (const bad of ['action=person.deleted', 'personId=hilda', 'page=0', 'from=2026-13-01', 'organisationId=' + org, 'from=2026-02-01&to=2026-01-01']) {
      expect((await call('GET', `/api/audit?${bad}`, admin)).statusCode, bad).toBe(400);
    }
  });

  it('never shows another organisation’s entries', async () => {
    const response = await call('GET', `/api/audit?personId=${hilda()}`, otherAdmin);
    expect(response.statusCode).toBe(200);
    expect(AuditPageSchema.parse(response.json()).entries).toEqual([]);
    const everything = AuditPageSchema.parse((await call('GET', '/api/audit', otherAdmin)).json());
    // Only the other organisation's own admin: their sign-in and their looks at the log.
    const otherAdminId = (await world.db.query<{ id: string }>('select id from users where email = $1', [OTHER_ADMIN.email]))[0]!.id;
    expect(everything.entries.length).toBeGreaterThan(0);
    expect(everything.entries.every((e) => e.actor.userId === otherAdminId && e.subject.id !== hilda())).toBe(true);
    expect(everything.people.map((p) => p.id)).not.toContain(hilda());
    expect(JSON.stringify(everything)).not.toContain(CANARY_NAME);
  });
});
