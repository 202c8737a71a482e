import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/domain/api';
import { CarerListSchema, CarerProfileFormSchema, CarerProfileViewSchema, type CarerProfileForm } from '../../../src/domain/carer-profile-form';
import { MatchInputsSchema } from '../../../src/domain/match-runs';
import { VisitPackSchema } from '../../../src/domain/visits';
import { DEMO_CARE_WORKER } from '../../../src/server/seed/demo-data';
import { makeServerWorld, OTHER_CARE_WORKER, type ServerWorld } from '../../support/server-world';

describe('/api/carers: one-page profiles', () => {
  let world: ServerWorld;
  let organiser: string;
  let sam: string;
  let samId: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    organiser = await world.signInOnTablet();
    sam = await world.signIn(DEMO_CARE_WORKER);
    samId = world.demo.carers.Sam!;
  });
  afterAll(() => world.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, as: string | null, payload?: unknown) =>
    world.app.inject({ method, url, headers: as ? { cookie: as } : {}, ...(payload === undefined ? {} : { payload: payload as object }) });
  const profileOf = async (carerId: string, as = organiser) => CarerProfileViewSchema.parse((await call('GET', `/api/carers/${carerId}/profile`, as)).json());
  const errorOf = (response: { json(): unknown }) => ApiErrorSchema.parse(response.json()).error;

  it("lists the organisation's carers for an organiser; every demo carer may be shown", async () => {
    const response = await call('GET', '/api/carers', organiser);
    expect(response.statusCode).toBe(200);
    const { carers } = CarerListSchema.parse(response.json());
    expect(carers.map((c) => c.id).sort()).toEqual(Object.values(world.demo.carers).sort());
    expect(carers.filter((c) => c.blockers.length > 0)).toEqual([]);
    expect(carers.find((c) => c.id === samId)?.hasAccount).toBe(true);
  });

  it('keeps a care worker to their own profile and out of the office’s records', async () => {
    expect((await call('GET', `/api/carers/${samId}/profile`, sam)).statusCode).toBe(200);
    const list = await call('GET', '/api/carers', sam);
    expect(list.statusCode).toBe(403);
    expect(errorOf(list).code).toBe('not-allowed');
    // Another carer of the same organisation, and one of another organisation, answer as ids that do not exist.
    for (const other of [world.demo.carers.Tom!, world.other.carers.Sam!]) {
      const response = await call('GET', `/api/carers/${other}/profile`, sam);
      expect(response.statusCode).toBe(404);
      expect(await call('PUT', `/api/carers/${other}/profile`, sam, {}).then((r) => r.statusCode)).toBe(404);
    }
    for (const url of ['/api/visits', '/api/people', '/api/follow-ups?state=open', '/api/conflicts?state=open']) {
      const response = await call('GET', url, sam);
      expect(response.statusCode, url).toBe(403);
      expect(response.body, url).not.toContain('Hilda');
    }
    expect((await call('GET', `/api/carers/${samId}/profile`, null)).statusCode).toBe(401);
  });

  it("answers 404 for another organisation's carer, to its organiser too", async () => {
    expect((await call('GET', `/api/carers/${world.other.carers.Sam}/profile`, organiser)).statusCode).toBe(404);
    expect((await call('GET', '/api/carers/not-a-uuid/profile', organiser)).statusCode).toBe(404);
  });

  it('saves a complete profile, from the care worker or an organiser, and gives back the new version', async () => {
    const before = await profileOf(samId, sam);
    const profile: CarerProfileForm = { ...CarerProfileFormSchema.parse(before.draft), interests: ['old films', 'fishing', 'crosswords'] };
    const saved = await call('PUT', `/api/carers/${samId}/profile`, sam, { profile, basedOnUpdatedAt: before.updatedAt });
    expect(saved.statusCode).toBe(200);
    const view = CarerProfileViewSchema.parse(saved.json());
    expect(view.draft.interests).toEqual(['old films', 'fishing', 'crosswords']);
    expect(view.updatedAt).not.toBe(before.updatedAt);
    expect(view.blockers).toEqual([]);

    const byOrganiser = await call('PUT', `/api/carers/${samId}/profile`, organiser, {
      profile: { ...profile, travelKm: 12 },
      basedOnUpdatedAt: view.updatedAt,
    });
    expect(byOrganiser.statusCode).toBe(200);
    expect((await profileOf(samId)).draft.travelKm).toBe(12);
  });

  it('refuses a save over a newer one, and bad input, and changes nothing', async () => {
    const current = await profileOf(samId);
    const profile = CarerProfileFormSchema.parse(current.draft);
    const stale = await call('PUT', `/api/carers/${samId}/profile`, sam, { profile: { ...profile, firstName: 'Samuel' }, basedOnUpdatedAt: '2020-01-01T00:00:00.000Z' });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale)).toMatchObject({ code: 'profile-changed', message: expect.stringMatching(/someone else saved this profile/i) });

    const twoThings = await call('PUT', `/api/carers/${samId}/profile`, sam, {
      profile: { ...profile, mattersToMe: ['my family', 'my allotment'] },
      basedOnUpdatedAt: current.updatedAt,
    });
    expect(twoThings.statusCode).toBe(400);
    expect(errorOf(twoThings).message).toMatch(/mattersToMe: must list exactly three things/);

    // A care worker cannot smuggle in fields the form does not have (their consent, another organisation).
    const extra = await call('PUT', `/api/carers/${samId}/profile`, sam, {
      profile: { ...profile, consentGivenAt: null, organisationId: world.other.organisationId },
      basedOnUpdatedAt: current.updatedAt,
    });
    expect(extra.statusCode).toBe(400);
    expect(errorOf(extra).message).toMatch(/does not expect: consentGivenAt, organisationId/);

    expect(await profileOf(samId)).toEqual(current);
  });

  it('adds a carer with only a first name, who cannot be shown until everything is there', async () => {
    const added = await call('POST', '/api/carers', organiser, { firstName: '  Lucy ' });
    expect(added.statusCode).toBe(201);
    const view = CarerProfileViewSchema.parse(added.json());
    expect(view.draft.firstName).toBe('Lucy');
    expect(view.blockers).toEqual(['profile', 'photo', 'film', 'consent']);
    const inputs = MatchInputsSchema.parse((await call('GET', `/api/people/${world.demo.people.Hilda}/match-inputs`, organiser)).json());
    expect(inputs.notShowable).toContainEqual({ id: view.id, name: 'Lucy', blockers: ['profile', 'photo', 'film', 'consent'] });
    expect(inputs.scenario.staff.map((s) => s.id)).not.toContain(view.id);

    expect((await call('POST', '/api/carers', sam, { firstName: 'Lucy' })).statusCode).toBe(403);
    expect(errorOf(await call('POST', '/api/carers', organiser, { firstName: '' })).message).toMatch(/firstName: must not be empty/);
  });

  it("only the care worker gives or withdraws their agreement; a withdrawn carer leaves matching and every visit's pack", async () => {
    const byOrganiser = await call('PUT', `/api/carers/${samId}/consent`, organiser, { agreed: false });
    expect(byOrganiser.statusCode).toBe(403);
    expect((await profileOf(samId)).consentGivenAt).not.toBeNull();

    const withdrawn = CarerProfileViewSchema.parse((await call('PUT', `/api/carers/${samId}/consent`, sam, { agreed: false })).json());
    expect(withdrawn.consentGivenAt).toBeNull();
    expect(withdrawn.blockers).toEqual(['consent']);
    const inputs = MatchInputsSchema.parse((await call('GET', `/api/people/${world.demo.people.Hilda}/match-inputs`, organiser)).json());
    expect(inputs.scenario.staff.map((s) => s.id)).not.toContain(samId);
    // Hilda's visit was planned with Sam on its shortlist.
    const pack = VisitPackSchema.parse((await call('GET', `/api/visits/${world.demo.visits.Hilda}/pack`, organiser)).json());
    expect(pack.candidates.map((c) => c.firstName)).not.toContain('Sam');
    const samsFilm = (await profileOf(samId)).film!;
    expect(pack.files.map((f) => f.sha256)).not.toContain(samsFilm);

    const again = CarerProfileViewSchema.parse((await call('PUT', `/api/carers/${samId}/consent`, sam, { agreed: true })).json());
    expect(again.blockers).toEqual([]);
    const packAgain = VisitPackSchema.parse((await call('GET', `/api/visits/${world.demo.visits.Hilda}/pack`, organiser)).json());
    expect(packAgain.candidates.map((c) => c.firstName)).toContain('Sam');

    const history = await world.db.query<{ agreed: boolean; changed_by: string }>(
      'select agreed, changed_by from carer_consent_changes where carer_id = $1 order by changed_at, agreed',
      [samId],
    );
    expect(history).toEqual([
      { agreed: false, changed_by: world.demo.careWorkerUserId },
      { agreed: true, changed_by: world.demo.careWorkerUserId },
    ]);
  });

  it("keeps each organisation's care workers apart", async () => {
    const otherSam = await world.signIn(OTHER_CARE_WORKER);
    expect((await call('GET', `/api/carers/${world.other.carers.Sam}/profile`, otherSam)).statusCode).toBe(200);
    expect((await call('GET', `/api/carers/${samId}/profile`, otherSam)).statusCode).toBe(404);
    expect((await call('PUT', `/api/carers/${samId}/consent`, otherSam, { agreed: false })).statusCode).toBe(404);
  });
});

describe('/api/media for a care worker', () => {
  let world: ServerWorld;
  beforeAll(async () => {
    world = await makeServerWorld();
  });
  afterAll(() => world.close());

  it("serves a care worker their own photo and film, and nobody else's", async () => {
    const sam = await world.signIn(DEMO_CARE_WORKER);
    const profile = async (carerId: string) =>
      CarerProfileViewSchema.parse((await world.app.inject({ method: 'GET', url: `/api/carers/${carerId}/profile`, headers: { cookie: await world.signIn() } })).json());
    const own = await profile(world.demo.carers.Sam!);
    const toms = await profile(world.demo.carers.Tom!);
    const get = (sha256: string) => world.app.inject({ method: 'GET', url: `/api/media/${sha256}`, headers: { cookie: sam } });
    expect((await get(own.photo!)).statusCode).toBe(200);
    expect((await get(own.film!)).statusCode).toBe(200);
    const other = await get(toms.photo!);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('PNG');
  });
});

describe('/api/carers/:id/captions', () => {
  let world: ServerWorld;
  beforeAll(async () => {
    world = await makeServerWorld();
  });
  afterAll(() => world.close());

  it('saves typed captions as WebVTT in the film’s pack, escaped, and reads them back for editing', async () => {
    const sam = await world.signIn(DEMO_CARE_WORKER);
    const samId = world.demo.carers.Sam!;
    const put = (text: string, as = sam) => world.app.inject({ method: 'PUT', url: `/api/carers/${samId}/captions`, headers: { cookie: as }, payload: { text } });
    const typed = "0:00 Hello, I'm Sam.\n0:05 <script>alert(1)</script> & old films";
    const saved = await put(typed);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ text: typed });

    const organiser = await world.signInOnTablet(undefined, '0190f5a2-7b3c-7d4e-8f00-00000000d0c1');
    const view = CarerProfileViewSchema.parse((await world.app.inject({ method: 'GET', url: `/api/carers/${samId}/profile`, headers: { cookie: organiser } })).json());
    const vtt = await world.app.inject({ method: 'GET', url: `/api/media/${view.captions}`, headers: { cookie: organiser } });
    expect(vtt.headers['content-type']).toMatch(/^text\/vtt/);
    expect(vtt.body).toBe(
      "WEBVTT\n\n1\n00:00:00.000 --> 00:00:05.000\nHello, I'm Sam.\n\n2\n00:00:05.000 --> 00:00:09.000\n&lt;script&gt;alert(1)&lt;/script&gt; &amp; old films\n",
    );
    const pack = VisitPackSchema.parse((await world.app.inject({ method: 'GET', url: `/api/visits/${world.demo.visits.Hilda}/pack`, headers: { cookie: organiser } })).json());
    expect(pack.candidates.find((c) => c.id === samId)?.captions).toBe(view.captions);
    expect(pack.files.map((f) => f.sha256)).toContain(view.captions);

    const bad = await put('Hello there\n0:05 Hi');
    expect(bad.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(bad.json()).error.message).toBe('The captions are not saved. Line 1: start it with the time it is said, like 0:15, then the words.');
    expect((await world.app.inject({ method: 'GET', url: `/api/carers/${samId}/captions`, headers: { cookie: sam } })).json()).toEqual({ text: typed });

    expect((await world.app.inject({ method: 'PUT', url: `/api/carers/${world.demo.carers.Tom}/captions`, headers: { cookie: sam }, payload: { text: '' } })).statusCode).toBe(404);
  });
});

describe('care workers’ own accounts', () => {
  let world: ServerWorld;
  beforeAll(async () => {
    world = await makeServerWorld();
  });
  afterAll(() => world.close());

  it('an organiser gives a care worker a login; the care worker signs in to their own profile and changes the password', async () => {
    const organiser = await world.signIn();
    const tomId = world.demo.carers.Tom!;
    const account = { name: 'Tom Hughes', email: 'Tom@Example.org', password: 'first-password-1' };
    const made = await world.app.inject({ method: 'POST', url: `/api/carers/${tomId}/account`, headers: { cookie: organiser }, payload: account });
    expect(made.statusCode, made.body).toBe(201);

    const again = await world.app.inject({ method: 'POST', url: `/api/carers/${tomId}/account`, headers: { cookie: organiser }, payload: { ...account, email: 'tom2@example.org' } });
    expect(again.statusCode).toBe(409);
    const taken = await world.app.inject({ method: 'POST', url: `/api/carers/${world.demo.carers.Grace}/account`, headers: { cookie: organiser }, payload: account });
    expect(ApiErrorSchema.parse(taken.json()).error.message).toMatch(/someone already signs in with that email/i);
    const weak = await world.app.inject({ method: 'POST', url: `/api/carers/${world.demo.carers.Grace}/account`, headers: { cookie: organiser }, payload: { ...account, email: 'grace@example.org', password: 'short' } });
    expect(ApiErrorSchema.parse(weak.json()).error.message).toMatch(/password: must be at least 10 characters/);
    const sam = await world.signIn(DEMO_CARE_WORKER);
    expect((await world.app.inject({ method: 'POST', url: `/api/carers/${tomId}/account`, headers: { cookie: sam }, payload: account })).statusCode).toBe(403);
    expect((await world.app.inject({ method: 'POST', url: `/api/carers/${world.other.carers.Tom}/account`, headers: { cookie: organiser }, payload: { ...account, email: 'x@example.org' } })).statusCode).toBe(404);

    const tom = await world.signIn({ email: 'tom@example.org', password: 'first-password-1' });
    const session = (await world.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: tom } })).json() as { user: { role: string; carerId: string } };
    expect(session.user).toMatchObject({ role: 'care-worker', carerId: tomId });

    const wrong = await world.app.inject({ method: 'PUT', url: '/api/session/password', headers: { cookie: tom }, payload: { currentPassword: 'nope', newPassword: 'second-password-2' } });
    expect(wrong.statusCode).toBe(400);
    const changed = await world.app.inject({ method: 'PUT', url: '/api/session/password', headers: { cookie: tom }, payload: { currentPassword: 'first-password-1', newPassword: 'second-password-2' } });
    expect(changed.statusCode).toBe(204);
    await expect(world.signIn({ email: 'tom@example.org', password: 'first-password-1' })).rejects.toThrow(/401/);
    await world.signIn({ email: 'tom@example.org', password: 'second-password-2' });
  });
});
