import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditPageSchema, type AuditAction, type AuditSubjectType } from '../../src/domain/audit';
import { ConflictListSchema } from '../../src/domain/conflicts';
import type { HearthEvent } from '../../src/domain/events';
import { FollowUpListSchema } from '../../src/domain/follow-ups';
import { LIST_READ_WINDOW_MINUTES } from '../../src/server/audit/record-audit';
import { DEMO_ADMIN, DEMO_CARE_WORKER, DEMO_MANAGER, DEMO_ORGANISER } from '../../src/server/seed/demo-data';
import { makeOutcomeEvent, makePush, TEST_DEVICE_ID } from '../support/server-events';
import { createUpload, patchUpload } from '../support/media-fixtures';
import { storeTestMedia } from '../support/server-media';
import { cookieHeader, makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../support/server-world';

interface AuditRow {
  organisation_id: string;
  actor_user_id: string;
  actor_role: string;
  device_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
}

type Response = { statusCode: number; body: string };

/**
 * Every route, by what it does for the audit log. A new route fails the completeness check below until
 * it is put in one of these lists: audited (with the actions it writes), or one that reads and changes no
 * one's personal data, with the reason. HEAD is GET's twin and goes with it.
 */
const AUDITED: Record<string, AuditAction[]> = {
  'GET /api/people/profiles': ['people.listed'],
  'POST /api/people': ['person.changed'],
  'GET /api/people/:id/profile': ['person.viewed'],
  'PUT /api/people/:id/person-mode': ['person.changed'],
  'PUT /api/people/:id/profile': ['person.changed'],
  'GET /api/people/:id/match-inputs': ['person.viewed'],
  'GET /api/carers': ['carers.listed'],
  'POST /api/carers': ['carer.changed'],
  'GET /api/carers/:id/profile': ['carer.viewed'],
  'PUT /api/carers/:id/profile': ['carer.changed'],
  'PUT /api/carers/:id/captions': ['carer.changed'],
  'POST /api/carers/:id/account': ['account.changed'],
  'PUT /api/carers/:id/consent': ['carer.changed'],
  'POST /api/match-runs': ['visit.planned'],
  'GET /api/visits/:id/match-run': ['evidence.viewed'],
  'GET /api/visits/:id/evidence': ['evidence.viewed'],
  'GET /api/reports/choice': ['report.viewed'],
  'GET /api/reports/missing-outcomes': ['missing-outcomes.viewed'],
  'GET /api/people': ['people.listed'],
  'GET /api/carers/:id/captions': ['media.viewed'],
  'GET /api/exports/outcomes.csv': ['outcomes.exported'],
  'GET /api/visits': ['visits.listed'],
  'GET /api/visits/:id/pack': ['pack.downloaded'],
  'PUT /api/visits/:id/shortlist': ['visit.changed'],
  'GET /api/follow-ups': ['follow-ups.listed'],
  'POST /api/follow-ups/:id/resolve': ['follow-up.resolved'],
  'GET /api/conflicts': ['conflicts.listed'],
  'POST /api/conflicts/:id/resolve': ['conflict.resolved'],
  // A whole read or one from byte 0 only: not every chunk of a film (media.ts).
  'GET /api/media/:sha256': ['media.viewed'],
  // The last PATCH, once the file is accepted: one entry per upload.
  'PATCH /api/uploads/:id': ['media.uploaded'],
  'POST /api/imports/carers': ['carers.imported', 'carer.changed'],
  'POST /api/events': ['visit.synced'],
  'GET /api/accounts': ['accounts.listed'],
  'POST /api/accounts': ['account.added'],
  'PUT /api/accounts/:id/status': ['account.switched-off', 'account.switched-on'],
  'PUT /api/accounts/:id/password': ['account.password-reset'],
  'POST /api/session': ['session.signed-in'],
  'DELETE /api/session': ['session.signed-out'],
  'DELETE /api/sessions': ['sessions.signed-out'],
  'PUT /api/session/password': ['password.changed'],
  'POST /api/devices': ['device.enrolled'],
  'POST /api/devices/:id/revoke': ['device.revoked'],
  'POST /api/tablet-key': ['device-key.issued'],
  'GET /api/audit': ['audit.viewed'],
};

/** Routes that read and change no one's personal data, each with why. */
const NO_PERSONAL_DATA: Record<string, string> = {
  'GET /api/health': 'is the office there; touches no database',
  'GET /': 'the app itself (static files)',
  'GET /index.html': 'the app itself (static files)',
  'GET /api/session': 'the caller’s own name and organisation, for the app’s header',
  'POST /api/session/check': 'checks the caller’s own password (a PIN reset on a tablet); counted by login_attempts',
  'POST /api/imports/carers/preview': 'checks the file the organiser just sent; saves nothing (the import itself is entered)',
  'GET /api/devices': 'tablets’ names and when they were seen: no one’s care records',
  'GET /api/media-jobs/:id': 'how far making an upload ready has got',
  'GET /api/media-jobs': 'how far making an upload ready has got',
  'POST /api/uploads': 'opens an upload: no bytes yet (the finished upload is entered)',
  'HEAD /api/uploads/:id': 'how many bytes of an upload have arrived',
  'DELETE /api/uploads/:id': 'gives up an unfinished upload',
};

const PASSWORD = 'a-long-new-password-42';

describe('the audit log covers every route that reads or changes someone’s data, and nothing refused', () => {
  let world: ServerWorld;
  let org: string;
  let organiser: string;
  let tablet: string;
  let admin: string;
  let manager: string;
  let careWorker: string;
  let otherOrganiser: string;

  beforeAll(async () => {
    world = await makeServerWorld();
    org = world.demo.organisationId;
    organiser = await world.signIn(DEMO_ORGANISER);
    tablet = await world.signInOnTablet(DEMO_ORGANISER, TEST_DEVICE_ID);
    admin = await world.signIn(DEMO_ADMIN);
    manager = await world.signIn(DEMO_MANAGER);
    careWorker = await world.signIn(DEMO_CARE_WORKER);
    otherOrganiser = await world.signIn(OTHER_ORGANISER);
  }, 60_000);
  afterAll(() => world.close());

  const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD', url: string, cookie: string, payload?: unknown, headers: Record<string, string> = {}) =>
    world.app.inject({ method, url, headers: { ...headers, ...(cookie ? { cookie } : {}) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const count = async () => (await world.db.query<{ n: number }>('select count(*)::int as n from audit_events'))[0]!.n;
  const rows = () =>
    world.db.query<AuditRow>('select organisation_id, actor_user_id, actor_role, device_id, action, subject_type, subject_id from audit_events order by at, id');
  const organiserId = () => world.demo.userId;

  /** Runs one request, expects its status, and returns the entries it wrote. */
  async function entriesOf(send: () => Promise<Response>, status = 200): Promise<AuditRow[]> {
    const before = await count();
    const response = await send();
    expect(response.statusCode, response.body).toBe(status);
    return (await rows()).slice(before);
  }

  interface Expected {
    action: AuditAction;
    type: AuditSubjectType;
    id: string;
    who?: string;
    role?: string;
    device?: string | null;
  }
  const expectOne = (written: AuditRow[], { action, type, id, who = organiserId(), role = 'organiser', device = null }: Expected) => {
    expect(written).toHaveLength(1);
    expect(written[0]).toEqual({ organisation_id: org, actor_user_id: who, actor_role: role, device_id: device, action, subject_type: type, subject_id: id });
  };

  /** Each refused request must write nothing. */
  async function expectNoneFor(refused: [string, () => Promise<Response>, number][]): Promise<void> {
    for (const [what, send, status] of refused) {
      const before = await count();
      const response = await send();
      expect(response.statusCode, `${what}: ${response.body}`).toBe(status);
      expect(await count(), what).toBe(before);
    }
  }

  const candidatesOf = async (visitId: string) =>
    (await world.db.query<{ carer_id: string }>('select carer_id from visit_candidates where visit_id = $1 order by position', [visitId])).map((r) => r.carer_id);
  const push = (events: HearthEvent[], cookie = tablet, deviceId = TEST_DEVICE_ID) =>
    call('POST', '/api/events', cookie, makePush(events.map((e) => ({ ...e, deviceId })) as HearthEvent[], { deviceId }));

  it('every route is audited or says why it reads no personal data', () => {
    const classified = (method: string, url: string) => {
      const key = `${method === 'HEAD' && !(`HEAD ${url}` in NO_PERSONAL_DATA) ? 'GET' : method} ${url}`;
      return key in AUDITED || key in NO_PERSONAL_DATA;
    };
    const unclassified = world.app.routeTable.filter((r) => !classified(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
    expect(unclassified, 'routes to add to AUDITED or NO_PERSONAL_DATA in test/server/audit-coverage.test.ts').toEqual([]);
    const routes = new Set(world.app.routeTable.map((r) => `${r.method} ${r.url}`));
    const stale = [...Object.keys(AUDITED), ...Object.keys(NO_PERSONAL_DATA)].filter((key) => !routes.has(key));
    expect(stale, 'listed routes the app does not have').toEqual([]);
  });

  it('the visit list: one entry per read, none refused', async () => {
    expectOne(await entriesOf(() => call('GET', '/api/visits', organiser)), { action: 'visits.listed', type: 'organisation', id: org });
    expectOne(await entriesOf(() => call('GET', '/api/visits', tablet)), { action: 'visits.listed', type: 'organisation', id: org, device: TEST_DEVICE_ID });
    // The tablet refreshes its list every 30 seconds while online: the same account on the same tablet within
    // LIST_READ_WINDOW_MINUTES is the same reading, so no more entries; once the window has passed, one again.
    for (let i = 0; i < 3; i++) expect(await entriesOf(() => call('GET', '/api/visits', tablet))).toEqual([]);
    await world.db.query(
      `update audit_events set at = at - make_interval(mins => $1) where action = 'visits.listed' and device_id = $2`,
      [LIST_READ_WINDOW_MINUTES + 1, TEST_DEVICE_ID],
    );
    expectOne(await entriesOf(() => call('GET', '/api/visits', tablet)), { action: 'visits.listed', type: 'organisation', id: org, device: TEST_DEVICE_ID });
    await expectNoneFor([
      ['a care worker', () => call('GET', '/api/visits', careWorker), 403],
      ['a manager', () => call('GET', '/api/visits', manager), 403],
      ['signed out', () => call('GET', '/api/visits', ''), 401],
    ]);
  });

  it('the people list, a film’s captions and the visits with no outcome: one entry each, none refused', async () => {
    const samId = world.demo.carers.Sam!;
    expectOne(await entriesOf(() => call('GET', '/api/people', organiser)), { action: 'people.listed', type: 'organisation', id: org });
    expectOne(await entriesOf(() => call('GET', `/api/carers/${samId}/captions`, organiser)), { action: 'media.viewed', type: 'carer', id: samId });
    expectOne(await entriesOf(() => call('GET', '/api/reports/missing-outcomes', manager)), {
      action: 'missing-outcomes.viewed',
      type: 'organisation',
      id: org,
      who: world.demo.managerUserId!,
      role: 'manager',
    });
    await expectNoneFor([
      ['the people list, by a manager', () => call('GET', '/api/people', manager), 403],
      ['another organisation’s carer’s captions', () => call('GET', `/api/carers/${samId}/captions`, otherOrganiser), 404],
      ['a bad number of hours', () => call('GET', '/api/reports/missing-outcomes?hours=soon', manager), 400],
      ['the visits with no outcome, by a care worker', () => call('GET', '/api/reports/missing-outcomes', careWorker), 403],
    ]);
  });

  it('pushes from a tablet: one entry per visit with new events, with the tablet; a resend writes nothing', async () => {
    const hilda = world.demo.visits.Hilda!;
    const peter = world.demo.visits.Peter!;
    const [hildaCarers, peterCarers] = [await candidatesOf(hilda), await candidatesOf(peter)];
    const events = [
      makeOutcomeEvent(hilda, hildaCarers, { payload: { outcome: 'not-sure-yet', chosenCarerId: null } }),
      makeOutcomeEvent(peter, peterCarers),
      makeOutcomeEvent(peter, peterCarers, { payload: { outcome: 'not-sure-yet', chosenCarerId: null } }),
    ];
    const written = await entriesOf(() => push(events));
    expect(written.map((r) => [r.action, r.subject_type, r.subject_id, r.actor_user_id, r.device_id]).sort()).toEqual(
      [
        ['visit.synced', 'visit', hilda, organiserId(), TEST_DEVICE_ID],
        ['visit.synced', 'visit', peter, organiserId(), TEST_DEVICE_ID],
      ].sort(),
    );
    // The same events again (the tablet did not hear the answer): stored already, nothing new.
    expect(await entriesOf(() => push(events))).toEqual([]);
    // One new event among old ones: only its visit.
    const more = makeOutcomeEvent(hilda, hildaCarers, { payload: { outcome: 'none-of-these', chosenCarerId: null } });
    expectOne(await entriesOf(() => push([...events, more])), { action: 'visit.synced', type: 'visit', id: hilda, device: TEST_DEVICE_ID });

    const otherVisit = world.other.visits.Hilda!;
    await expectNoneFor([
      ['another organisation’s visit', () => push([makeOutcomeEvent(otherVisit, hildaCarers)]), 404],
      ['an invalid push', () => call('POST', '/api/events', tablet, { ...makePush([makeOutcomeEvent(hilda, hildaCarers)]), extra: 1 }), 400],
      ['a care worker', () => push([makeOutcomeEvent(hilda, hildaCarers)], careWorker), 403],
    ]);
  });

  it('follow-ups and conflicts: listing and resolving are entered, about the visit; refusals are not', async () => {
    const list = await entriesOf(() => call('GET', '/api/follow-ups', organiser));
    expectOne(list, { action: 'follow-ups.listed', type: 'organisation', id: org });
    const followUps = FollowUpListSchema.parse((await call('GET', '/api/follow-ups', organiser)).json()).followUps;
    const open = followUps.find((f) => f.visitId === world.demo.visits.Hilda)!;
    expectOne(await entriesOf(() => call('POST', `/api/follow-ups/${open.id}/resolve`, organiser, { note: 'Rang her daughter' })), {
      action: 'follow-up.resolved',
      type: 'visit',
      id: open.visitId,
    });

    // Two tablets' different answers for Margaret's visit make a conflict.
    const visit = world.demo.visits.Margaret ?? Object.values(world.demo.visits).find((v) => ![world.demo.visits.Hilda, world.demo.visits.Peter].includes(v))!;
    const carers = await candidatesOf(visit);
    expect((await push([makeOutcomeEvent(visit, carers)], tablet, '0190f5a2-7b3c-7d4e-8f00-00000000a00a')).statusCode).toBe(200);
    const second = makeOutcomeEvent(visit, carers, { payload: { chosenCarerId: carers[1]! } });
    expect((await push([second], tablet, '0190f5a2-7b3c-7d4e-8f00-00000000b00b')).statusCode).toBe(200);
    expectOne(await entriesOf(() => call('GET', '/api/conflicts?state=open', organiser)), { action: 'conflicts.listed', type: 'organisation', id: org });
    const conflict = ConflictListSchema.parse((await call('GET', '/api/conflicts?state=open', organiser)).json()).conflicts.find((c) => c.visitId === visit)!;

    await expectNoneFor([
      ['a conflict settled without saying which answer stands', () => call('POST', `/api/conflicts/${conflict.id}/resolve`, organiser, { note: 'Asked' }), 400],
      ['a conflict with an extra field', () => call('POST', `/api/conflicts/${conflict.id}/resolve`, organiser, { note: 'Asked', keepEventId: second.id, x: 1 }), 400],
      ['another organisation’s conflict', () => call('POST', `/api/conflicts/${conflict.id}/resolve`, otherOrganiser, { note: 'Asked', keepEventId: second.id }), 404],
      ['another organisation’s follow-up', () => call('POST', `/api/follow-ups/${open.id}/resolve`, otherOrganiser, {}), 404],
      ['a follow-up that is no one’s', () => call('POST', `/api/follow-ups/${randomUUID()}/resolve`, organiser, {}), 404],
      ['a follow-up note too long', () => call('POST', `/api/follow-ups/${open.id}/resolve`, organiser, { note: 'x'.repeat(5000) }), 400],
      ['a list with a bad state', () => call('GET', '/api/follow-ups?state=bogus', organiser), 400],
      ['conflicts read by a care worker', () => call('GET', '/api/conflicts', careWorker), 403],
    ]);
    expectOne(await entriesOf(() => call('POST', `/api/conflicts/${conflict.id}/resolve`, organiser, { note: 'Asked her', keepEventId: second.id })), {
      action: 'conflict.resolved',
      type: 'visit',
      id: visit,
    });
  });

  it('media: one entry per file opened, about its carer; a film played in range chunks is one entry', async () => {
    const [sam] = await world.db.query<{ photo_sha256: string; film_sha256: string }>('select photo_sha256, film_sha256 from carers where id = $1', [world.demo.carers.Sam]);
    const samId = world.demo.carers.Sam!;
    const media = (sha: string) => `/api/media/${sha}`;
    expectOne(await entriesOf(() => call('GET', media(sam!.photo_sha256), organiser)), { action: 'media.viewed', type: 'carer', id: samId });

    // A <video> plays the film as Range requests: the first from byte 0, then onwards. One entry in all.
    const size = (await world.db.query<{ bytes: number }>('select bytes::int from media where sha256 = $1', [sam!.film_sha256]))[0]!.bytes;
    const chunk = Math.ceil(size / 5);
    const before = await count();
    for (let start = 0; start < size; start += chunk) {
      const response = await call('GET', media(sam!.film_sha256), tablet, undefined, { range: `bytes=${start}-${Math.min(start + chunk, size) - 1}` });
      expect(response.statusCode).toBe(206);
    }
    const played = (await rows()).slice(before);
    expect(played).toHaveLength(1);
    expect(played[0]).toMatchObject({ action: 'media.viewed', subject_type: 'carer', subject_id: samId, device_id: TEST_DEVICE_ID });

    // The care worker's own photo, by them.
    expectOne(await entriesOf(() => call('GET', media(sam!.photo_sha256), careWorker)), {
      action: 'media.viewed',
      type: 'carer',
      id: samId,
      who: world.demo.careWorkerUserId!,
      role: 'care-worker',
    });
    // A file no profile holds (replaced since): about the organisation.
    const orphan = await storeTestMedia(world.db, world.mediaDir, org, 'old-photo.jpg', Buffer.from('an old photo'));
    expectOne(await entriesOf(() => call('GET', media(orphan), organiser)), { action: 'media.viewed', type: 'organisation', id: org });

    const [bethan] = await world.db.query<{ photo_sha256: string }>('select photo_sha256 from carers where id = $1', [world.demo.carers.Bethan]);
    await expectNoneFor([
      ['a download resumed part way', () => call('GET', media(sam!.film_sha256), organiser, undefined, { range: `bytes=${chunk}-` }), 206],
      ['HEAD sends no bytes', () => call('HEAD', media(sam!.film_sha256), organiser), 200],
      ['a range past the end', () => call('GET', media(sam!.film_sha256), organiser, undefined, { range: `bytes=${size + 10}-` }), 416],
      ['another organisation’s file', () => call('GET', media(orphan), otherOrganiser), 404],
      ['another care worker’s photo', () => call('GET', media(bethan!.photo_sha256), careWorker), 404],
      ['not a digest', () => call('GET', '/api/media/..%2F..%2Fetc%2Fpasswd', organiser), 404],
      ['a manager', () => call('GET', media(sam!.photo_sha256), manager), 403],
    ]);
  });

  it('an upload: one entry when its last bytes are accepted, however many PATCHes; a refused file none', async () => {
    const grace = world.demo.carers.Grace!;
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c05030' } }).jpeg().toBuffer();
    let upload!: Response & { headers: Record<string, unknown> };
    // Opening the upload is not entered: nothing has arrived yet.
    expect(
      await entriesOf(async () => (upload = await createUpload(world.app, organiser, { carerId: grace, kind: 'photo', filename: 'grace.jpg' }, photo.length)), 201),
    ).toEqual([]);
    const half = Math.floor(photo.length / 2);
    expect(await entriesOf(() => patchUpload(world.app, organiser, String(upload.headers.location), photo.subarray(0, half)), 204)).toEqual([]);
    expectOne(await entriesOf(() => patchUpload(world.app, organiser, String(upload.headers.location), photo.subarray(half), half), 204), {
      action: 'media.uploaded',
      type: 'carer',
      id: grace,
    });
    const text = Buffer.from('this is not a photo at all, only words');
    const refused = await createUpload(world.app, organiser, { carerId: grace, kind: 'photo', filename: 'words.jpg' }, text.length);
    await expectNoneFor([
      ['a file that is not a photo', () => patchUpload(world.app, organiser, String(refused.headers.location), text), 422],
      ['another care worker’s profile', () => createUpload(world.app, careWorker, { carerId: grace, kind: 'photo', filename: 'grace.jpg' }, photo.length), 403],
    ]);
  });

  it('a carer import: one entry for the import and one per care worker it added; a refused file none', async () => {
    const before = await count();
    const response = await call('POST', '/api/imports/carers', organiser, { csv: 'Staff ID,First name\r\nE3001,Olwen\r\nE3002,Pryderi\r\n' });
    expect(response.statusCode, response.body).toBe(200);
    const written = (await rows()).slice(before);
    const added = await world.db.query<{ id: string }>("select id from carers where first_name in ('Olwen', 'Pryderi') and organisation_id = $1", [org]);
    expect(added).toHaveLength(2);
    expect(written.map((r) => [r.action, r.subject_type, r.subject_id]).sort()).toEqual(
      [['carers.imported', 'organisation', org], ...added.map((c) => ['carer.changed', 'carer', c.id])].sort(),
    );
    await expectNoneFor([
      ['the preview', () => call('POST', '/api/imports/carers/preview', organiser, { csv: 'Staff ID,First name\r\nE3003,Gwen\r\n' }), 200],
      ['a file with a bad row', () => call('POST', '/api/imports/carers', organiser, { csv: 'Staff ID,First name,Mon\r\nE3004,Gwen,7-12\r\n' }), 400],
      ['a care worker', () => call('POST', '/api/imports/carers', careWorker, { csv: 'Staff ID,First name\r\nE3005,Ifor\r\n' }), 403],
      ['an extra field', () => call('POST', '/api/imports/carers', organiser, { csv: 'Staff ID,First name\r\nE3006,Ifor\r\n', x: 1 }), 400],
    ]);
  });

  it('accounts: listed, added, switched off and on, a new password set; refusals none', async () => {
    const adminId = (await world.db.query<{ id: string }>("select id from users where organisation_id = $1 and role = 'admin'", [org]))[0]!.id;
    const asAdmin = { who: adminId, role: 'admin' };
    expectOne(await entriesOf(() => call('GET', '/api/accounts', admin)), { action: 'accounts.listed', type: 'organisation', id: org, ...asAdmin });
    const newAccount = { name: 'Nia Newman', email: 'nia@demo.hearth.test', role: 'organiser', password: PASSWORD };
    const added = await entriesOf(() => call('POST', '/api/accounts', admin, newAccount), 201);
    const nia = (await world.db.query<{ id: string }>("select id from users where email = 'nia@demo.hearth.test'"))[0]!.id;
    expectOne(added, { action: 'account.added', type: 'account', id: nia, ...asAdmin });
    expectOne(await entriesOf(() => call('PUT', `/api/accounts/${nia}/status`, admin, { disabled: true })), { action: 'account.switched-off', type: 'account', id: nia, ...asAdmin });
    expectOne(await entriesOf(() => call('PUT', `/api/accounts/${nia}/status`, admin, { disabled: false })), { action: 'account.switched-on', type: 'account', id: nia, ...asAdmin });
    expectOne(await entriesOf(() => call('PUT', `/api/accounts/${nia}/password`, admin, { password: PASSWORD }), 204), {
      action: 'account.password-reset',
      type: 'account',
      id: nia,
      ...asAdmin,
    });
    const otherAccount = world.other.userId;
    await expectNoneFor([
      ['an organiser listing accounts', () => call('GET', '/api/accounts', organiser), 403],
      ['an email already taken', () => call('POST', '/api/accounts', admin, newAccount), 409],
      ['an account with an extra field', () => call('POST', '/api/accounts', admin, { ...newAccount, email: 'x@demo.hearth.test', admin: true }), 400],
      ['switching yourself off', () => call('PUT', `/api/accounts/${adminId}/status`, admin, { disabled: true }), 403],
      ['another organisation’s account', () => call('PUT', `/api/accounts/${otherAccount}/status`, admin, { disabled: true }), 404],
      ['another organisation’s password', () => call('PUT', `/api/accounts/${otherAccount}/password`, admin, { password: PASSWORD }), 404],
      ['a password too short', () => call('PUT', `/api/accounts/${nia}/password`, admin, { password: 'short' }), 400],
    ]);
  });

  it('signing in and out, and one’s own password: entered with the new session’s account and tablet; a wrong password is not', async () => {
    const login = { email: 'nia@demo.hearth.test', password: PASSWORD };
    const nia = (await world.db.query<{ id: string }>("select id from users where email = 'nia@demo.hearth.test'"))[0]!.id;
    const asNia = { type: 'account' as const, id: nia, who: nia };

    const signIn = await world.app.inject({ method: 'POST', url: '/api/session', payload: login });
    expect(signIn.statusCode).toBe(200);
    expectOne((await rows()).filter((r) => r.actor_user_id === nia && r.action === 'session.signed-in'), { action: 'session.signed-in', ...asNia });
    const session = cookieHeader(signIn);

    // On the tablet (its device cookie sent along): the entry names the tablet.
    const deviceCookie = tablet.split('; ').find((c) => c.startsWith('hearth_device='))!;
    const onTablet = await entriesOf(() => world.app.inject({ method: 'POST', url: '/api/session', headers: { cookie: deviceCookie }, payload: login }));
    expectOne(onTablet, { action: 'session.signed-in', ...asNia, device: TEST_DEVICE_ID });

    const newPassword = `${PASSWORD}-changed`;
    expectOne(await entriesOf(() => call('PUT', '/api/session/password', session, { currentPassword: PASSWORD, newPassword }), 204), { action: 'password.changed', ...asNia });
    expectOne(await entriesOf(() => call('DELETE', '/api/session', session), 204), { action: 'session.signed-out', ...asNia });
    const again = cookieHeader(await world.app.inject({ method: 'POST', url: '/api/session', payload: { ...login, password: newPassword } }));
    expectOne(await entriesOf(() => call('DELETE', '/api/sessions', again), 204), { action: 'sessions.signed-out', ...asNia });

    const fresh = cookieHeader(await world.app.inject({ method: 'POST', url: '/api/session', payload: { ...login, password: newPassword } }));
    await expectNoneFor([
      ['a wrong password', () => world.app.inject({ method: 'POST', url: '/api/session', payload: { ...login, password: 'not-the-password' } }), 401],
      ['an unknown email', () => world.app.inject({ method: 'POST', url: '/api/session', payload: { email: 'nobody@demo.hearth.test', password: PASSWORD } }), 401],
      ['a login with an extra field', () => world.app.inject({ method: 'POST', url: '/api/session', payload: { ...login, remember: true } }), 400],
      ['a wrong current password', () => call('PUT', '/api/session/password', fresh, { currentPassword: 'wrong-password', newPassword: PASSWORD }), 400],
      ['a password change signed out', () => call('PUT', '/api/session/password', '', { currentPassword: newPassword, newPassword: PASSWORD }), 401],
      ['signing out with no session', () => call('DELETE', '/api/session', ''), 204],
      ['signing out everywhere with no session', () => call('DELETE', '/api/sessions', ''), 401],
    ]);
  });

  it('tablets: set up, given their key, and removed, about the tablet; refusals none', async () => {
    const deviceId = randomUUID();
    // Revoking the tablet ends the session it was enrolled under: a session of its own.
    const onTheTablet = await world.signIn(DEMO_ORGANISER);
    const enrol = await entriesOf(() => call('POST', '/api/devices', onTheTablet, { deviceId, label: 'Chrome on iPad (audit)' }));
    expectOne(enrol, { action: 'device.enrolled', type: 'device', id: deviceId, device: deviceId });
    expectOne(await entriesOf(() => call('POST', '/api/tablet-key', tablet, { deviceId, password: DEMO_ORGANISER.password })), {
      action: 'device-key.issued',
      type: 'device',
      id: deviceId,
      device: TEST_DEVICE_ID,
    });
    const adminId = (await world.db.query<{ id: string }>("select id from users where organisation_id = $1 and role = 'admin'", [org]))[0]!.id;
    expectOne(await entriesOf(() => call('POST', `/api/devices/${deviceId}/revoke`, admin)), { action: 'device.revoked', type: 'device', id: deviceId, who: adminId, role: 'admin' });
    await expectNoneFor([
      ['revoking it again', () => call('POST', `/api/devices/${deviceId}/revoke`, admin), 200],
      ['enrolling a revoked tablet', () => call('POST', '/api/devices', organiser, { deviceId, label: 'Chrome on iPad (audit)' }), 401],
      ['another organisation’s tablet', () => call('POST', `/api/devices/${deviceId}/revoke`, otherOrganiser), 404],
      ['a care worker enrolling', () => call('POST', '/api/devices', careWorker, { deviceId: randomUUID(), label: 'Mine' }), 403],
      ['an enrolment with an extra field', () => call('POST', '/api/devices', organiser, { deviceId: randomUUID(), label: 'x', token: 'y' }), 400],
      ['a key with the wrong password', () => call('POST', '/api/tablet-key', organiser, { deviceId: randomUUID(), password: 'wrong-password' }), 401],
      ['a key for a manager', () => call('POST', '/api/tablet-key', manager, { deviceId: randomUUID(), password: DEMO_MANAGER.password }), 403],
    ]);

    // The page names the tablet by its label.
    const page = AuditPageSchema.parse((await call('GET', '/api/audit?action=device.enrolled', admin)).json());
    expect(page.entries.find((e) => e.subject.id === deviceId)).toMatchObject({ subject: { type: 'device', id: deviceId, name: 'Chrome on iPad (audit)' } });
  });

  it('reading the audit log is itself entered, after the page is read; refused reads are not', async () => {
    const adminId = (await world.db.query<{ id: string }>("select id from users where organisation_id = $1 and role = 'admin'", [org]))[0]!.id;
    expectOne(await entriesOf(() => call('GET', '/api/audit', admin)), { action: 'audit.viewed', type: 'organisation', id: org, who: adminId, role: 'admin' });
    // The page shows the looks before this one, not this one itself.
    const looksBefore = (await rows()).filter((r) => r.action === 'audit.viewed').length;
    const page = AuditPageSchema.parse((await call('GET', '/api/audit?action=audit.viewed', admin)).json());
    expect(page.entries).toHaveLength(looksBefore);
    expect(page.entries[0]).toMatchObject({ action: 'audit.viewed', actor: { userId: adminId, role: 'admin' }, subject: { type: 'organisation', id: org } });
    await expectNoneFor([
      ['an organiser', () => call('GET', '/api/audit', organiser), 403],
      ['a bad filter', () => call('GET', '/api/audit?action=audit.deleted', admin), 400],
      ['signed out', () => call('GET', '/api/audit', ''), 401],
    ]);
  });

  it('holds ids only: no name, label or email in any of these entries', async () => {
    const all = JSON.stringify(await world.db.query('select * from audit_events'));
    const users = await world.db.query<{ name: string; email: string }>('select name, email from users');
    for (const text of ['Nia', 'Olwen', 'Chrome on iPad', ...users.flatMap((u) => [u.name, u.email])]) expect(all, text).not.toContain(text);
  });
});
