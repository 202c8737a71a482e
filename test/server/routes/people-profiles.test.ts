import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/domain/api';
import { PeopleListSchema } from '../../../src/domain/match-runs';
import { PersonProfileFormSchema, PersonProfileViewSchema, type PersonProfileForm } from '../../../src/domain/person-profile-form';
import { VisitPackSchema } from '../../../src/domain/visits';
import { DEFAULT_PERSON_MODE_SETTINGS } from '../../../src/domain/person-mode';
import { DEMO_CARE_WORKER } from '../../../src/server/seed/demo-data';
import { makePush, makeSettingsEvent } from '../../support/server-events';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

describe("/api/people: people's one-page profiles", () => {
  let world: ServerWorld;
  let cookie: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signInOnTablet();
  });
  afterAll(() => world.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, as = cookie) =>
    world.app.inject({ method, url, headers: { cookie: as }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const viewOf = async (personId: string) => PersonProfileViewSchema.parse((await call('GET', `/api/people/${personId}/profile`)).json());

  it("lists the organisation's people with complete profiles, and opens each in the form's shape", async () => {
    const response = await call('GET', '/api/people/profiles');
    expect(response.statusCode).toBe(200);
    const { people } = response.json() as { people: unknown[] };
    const views = people.map((p) => PersonProfileViewSchema.parse(p));
    expect(views.map((v) => [v.draft.firstName, v.profileComplete])).toEqual([
      ['Hilda', true],
      ['Peter', true],
      ['Ruth', true],
    ]);
    const hilda = await viewOf(world.demo.people.Hilda!);
    expect(hilda.draft).toMatchObject({ age: 94, homePlace: 'Hilda’s home, Bispham, Blackpool', referredOn: '2026-10-19', needsSkills: ['medication prompt'] });
  });

  it("saves a profile with communication details, used by matching and in the visit's pack", async () => {
    const before = await viewOf(world.demo.people.Hilda!);
    const profile: PersonProfileForm = {
      ...PersonProfileFormSchema.parse({ ...before.draft, speech: 'speaks', usesPictures: false }),
      usesPictures: true,
      interests: ['old movies', 'Cary Grant', 'knitting'],
      referredOn: '2026-10-12',
    };
    const saved = await call('PUT', `/api/people/${world.demo.people.Hilda}/profile`, { profile, basedOnUpdatedAt: before.updatedAt });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(PersonProfileViewSchema.parse(saved.json()).draft).toMatchObject({ interests: ['old movies', 'Cary Grant', 'knitting'], usesPictures: true, referredOn: '2026-10-12' });

    const pack = VisitPackSchema.parse((await call('GET', `/api/visits/${world.demo.visits.Hilda}/pack`)).json());
    expect(pack.person).toMatchObject({ interests: ['old movies', 'Cary Grant', 'knitting'], usesPictures: true, speech: 'speaks' });
    const inputs = (await call('GET', `/api/people/${world.demo.people.Hilda}/match-inputs`)).json() as { scenario: { person: { interests: string[] } } };
    expect(inputs.scenario.person.interests).toContain('knitting');
  });

  it('refuses an incomplete profile, a stale one and extra fields, and changes nothing', async () => {
    const before = await viewOf(world.demo.people.Peter!);
    const profile = PersonProfileFormSchema.parse({ ...before.draft, speech: 'speaks', usesPictures: false });
    const empty = await call('PUT', `/api/people/${world.demo.people.Peter}/profile`, { profile: { ...profile, visitTimes: [], age: 43.5 }, basedOnUpdatedAt: before.updatedAt });
    expect(empty.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(empty.json()).error.message).toMatch(/age: must be a whole number.*visitTimes: needs at least one time/);
    const stale = await call('PUT', `/api/people/${world.demo.people.Peter}/profile`, { profile, basedOnUpdatedAt: '2020-01-01T00:00:00Z' });
    expect(stale.statusCode).toBe(409);
    const extra = await call('PUT', `/api/people/${world.demo.people.Peter}/profile`, { profile: { ...profile, organisationId: world.other.organisationId }, basedOnUpdatedAt: before.updatedAt });
    expect(extra.statusCode).toBe(400);
    expect(await viewOf(world.demo.people.Peter!)).toEqual(before);
  });

  it('adds a newly referred person, who is not matched until their profile is written', async () => {
    const added = await call('POST', '/api/people', { firstName: 'Elsie' });
    expect(added.statusCode).toBe(201);
    const view = PersonProfileViewSchema.parse(added.json());
    expect(view).toMatchObject({ draft: { firstName: 'Elsie' }, profileComplete: false });
    const { people } = PeopleListSchema.parse((await call('GET', '/api/people')).json());
    expect(people.map((p) => p.firstName)).not.toContain('Elsie');
  });

  it("keeps to the organiser's own organisation and out of a care worker's reach", async () => {
    const other = await world.signIn(OTHER_ORGANISER);
    expect((await call('GET', `/api/people/${world.demo.people.Hilda}/profile`, undefined, other)).statusCode).toBe(404);
    const hilda = await viewOf(world.demo.people.Hilda!);
    const valid = { profile: PersonProfileFormSchema.parse(hilda.draft), basedOnUpdatedAt: hilda.updatedAt };
    expect((await call('PUT', `/api/people/${world.demo.people.Hilda}/profile`, valid, other)).statusCode).toBe(404);
    expect(await viewOf(world.demo.people.Hilda!)).toEqual(hilda);
    const sam = await world.signIn(DEMO_CARE_WORKER);
    for (const url of ['/api/people/profiles', `/api/people/${world.demo.people.Hilda}/profile`]) {
      const response = await call('GET', url, undefined, sam);
      expect(response.statusCode, url).toBe(403);
      expect(response.body).not.toContain('Bispham');
    }
  });

  it("sets person mode from the office for every visit pack after it; a tablet's later change still wins", async () => {
    const settings = { ...DEFAULT_PERSON_MODE_SETTINGS, textSize: 'largest' as const, highContrast: true, descriptionFirst: false };
    const saved = await call('PUT', `/api/people/${world.demo.people.Ruth}/person-mode`, { settings });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(PersonProfileViewSchema.parse(saved.json()).personMode).toMatchObject({ textSize: 'largest', highContrast: true, descriptionFirst: false });
    const pack = VisitPackSchema.parse((await call('GET', `/api/visits/${world.demo.visits.Ruth}/pack`)).json());
    expect(pack.personMode).toMatchObject({ textSize: 'largest', highContrast: true, descriptionFirst: false });

    const later = makeSettingsEvent(world.demo.visits.Ruth!, world.demo.people.Ruth!, { textSize: 'larger' });
    expect((await call('POST', '/api/events', makePush([later]))).statusCode).toBe(200);
    const after = VisitPackSchema.parse((await call('GET', `/api/visits/${world.demo.visits.Ruth}/pack`)).json());
    expect(after.personMode?.textSize).toBe('larger');

    const bad = await call('PUT', `/api/people/${world.demo.people.Ruth}/person-mode`, { settings: { ...settings, dwellMs: 60_000 } });
    expect(bad.statusCode).toBe(400);
    const other = await world.signIn(OTHER_ORGANISER);
    expect((await call('PUT', `/api/people/${world.demo.people.Ruth}/person-mode`, { settings }, other)).statusCode).toBe(404);
  });
});
