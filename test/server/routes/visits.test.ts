import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PERSON_MODE_SETTINGS } from '../../../src/domain/person-mode';
import { VisitListSchema, VisitPackSchema } from '../../../src/domain/visits';
import { sha256OfFile } from '../../support/server-media';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

describe('/api/visits', () => {
  let world: ServerWorld;
  let cookie: string;
  const seedTime = new Date('2025-03-01T08:00:00Z');
  beforeAll(async () => {
    world = await makeServerWorld({ now: seedTime });
    cookie = await world.signInOnTablet();
  });
  afterAll(() => world.close());

  const get = (url: string) => world.app.inject({ method: 'GET', url, headers: { cookie } });

  it("lists only the organisation's three demo visits, soonest first, each with 3 or 4 candidates", async () => {
    const response = await get('/api/visits');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { visits } = VisitListSchema.parse(response.json());
    expect(visits.map((v) => v.personFirstName)).toEqual(['Hilda', 'Ruth', 'Peter']);
    expect(visits.map((v) => v.id)).toEqual([world.demo.visits.Hilda, world.demo.visits.Ruth, world.demo.visits.Peter]);
    expect(visits.map((v) => v.candidateCount)).toEqual([4, 3, 3]);
    expect(visits.map((v) => v.plannedAt)).toEqual(['2025-03-02T10:30:00.000Z', '2025-03-03T14:00:00.000Z', '2025-03-04T11:00:00.000Z']);
    expect(visits.every((v) => v.decision === null)).toBe(true);
  });

  it('gives a pack that matches the shared schema and the files on disk', async () => {
    const response = await get(`/api/visits/${world.demo.visits.Hilda}/pack`);
    expect(response.statusCode).toBe(200);
    const pack = VisitPackSchema.parse(response.json());
    expect(pack.visit).toMatchObject({ id: world.demo.visits.Hilda, personFirstName: 'Hilda' });
    expect(pack.person).toMatchObject({ firstName: 'Hilda', age: 94 });
    expect(pack.person.interests).toContain('Cary Grant');
    expect(pack.candidates.map((c) => c.firstName)).toEqual(['Sam', 'Bethan', 'Grace', 'Tom']);
    // A photo, a film, captions and a voice for each of the two sections, for each of the four.
    expect(pack.files).toHaveLength(20);
    expect(new Set(pack.files.map((f) => f.sha256)).size).toBe(20);

    for (const carer of pack.candidates) {
      const name = carer.firstName.toLowerCase();
      const photo = await sha256OfFile(path.join(world.seedMediaDir, `avatar-${name}.png`));
      const film = await sha256OfFile(path.join(world.seedMediaDir, `film-${name}.mp4`));
      const captions = await sha256OfFile(path.join(world.seedMediaDir, `captions-${name}.vtt`));
      const appreciated = await sha256OfFile(path.join(world.seedMediaDir, `voice-${name}-appreciated.m4a`));
      const matters = await sha256OfFile(path.join(world.seedMediaDir, `voice-${name}-matters.m4a`));
      expect(carer.photo).toBe(photo.sha256);
      expect(carer.film).toBe(film.sha256);
      expect(carer.captions).toBe(captions.sha256);
      expect(carer.voices).toEqual({ appreciated: appreciated.sha256, mattersToMe: matters.sha256 });
      expect(pack.files).toContainEqual({ id: photo.sha256, sha256: photo.sha256, bytes: photo.bytes, type: 'image/png' });
      expect(pack.files).toContainEqual({ id: film.sha256, sha256: film.sha256, bytes: film.bytes, type: 'video/mp4' });
      expect(pack.files).toContainEqual({ id: captions.sha256, sha256: captions.sha256, bytes: captions.bytes, type: 'text/vtt' });
      for (const voice of [appreciated, matters]) {
        expect(pack.files).toContainEqual({ id: voice.sha256, sha256: voice.sha256, bytes: voice.bytes, type: 'audio/mp4' });
      }
    }
    for (const file of pack.files) {
      expect(await sha256OfFile(path.join(world.mediaDir, file.sha256))).toEqual({ sha256: file.sha256, bytes: file.bytes });
    }
  });

  it("serves captions and each section's voice file with their types", async () => {
    const pack = VisitPackSchema.parse((await get(`/api/visits/${world.demo.visits.Hilda}/pack`)).json());
    const sam = pack.candidates[0]!;
    const captions = await get(`/api/media/${sam.captions}`);
    expect(captions.statusCode).toBe(200);
    expect(captions.headers['content-type']).toBe('text/vtt');
    expect(captions.body).toMatch(/^WEBVTT\n[\s\S]*Hello, I'm Sam\./);
    for (const sha256 of [sam.voices!.appreciated!, sam.voices!.mattersToMe!]) {
      const voice = await get(`/api/media/${sha256}`);
      expect(voice.statusCode).toBe(200);
      expect(voice.headers['content-type']).toBe('audio/mp4');
      expect(await sha256OfFile(path.join(world.mediaDir, sha256))).toEqual({ sha256, bytes: voice.rawPayload.length });
      expect(voice.rawPayload.equals(await readFile(path.join(world.mediaDir, sha256)))).toBe(true);
    }
  });

  it("carries each demo person's person-mode settings, with the organisation's description-first default", async () => {
    const pack = async (name: string) => VisitPackSchema.parse((await get(`/api/visits/${world.demo.visits[name]}/pack`)).json()).personMode;
    expect(await pack('Hilda')).toMatchObject({ language: 'en', textSize: 'large', selection: 'press', descriptionFirst: true });
    expect(await pack('Peter')).toMatchObject({ selection: 'dwell', dwellMs: 1500, textSize: 'largest', descriptionFirst: true });
    expect(await pack('Ruth')).toEqual({ ...DEFAULT_PERSON_MODE_SETTINGS, descriptionFirst: true });
  });

  it("uses the organisation's description-first default only where the person has not chosen", async () => {
    await world.db.query('update organisations set description_first = false where id = $1', [world.other.organisationId]);
    const otherCookie = await world.signInOnTablet(OTHER_ORGANISER);
    const personModeOf = async (name: string) =>
      VisitPackSchema.parse(
        (await world.app.inject({ method: 'GET', url: `/api/visits/${world.other.visits[name]}/pack`, headers: { cookie: otherCookie } })).json(),
      ).personMode;
    expect(await personModeOf('Ruth')).toEqual({ ...DEFAULT_PERSON_MODE_SETTINGS, descriptionFirst: false });
    await world.db.query(`update people set person_mode = person_mode || '{"descriptionFirst": true}' where id = $1`, [world.other.people.Hilda]);
    expect(await personModeOf('Hilda')).toMatchObject({ textSize: 'large', descriptionFirst: true });
  });

  it('leaves captions and voices out of the pack for a carer who has neither (recorded before person mode)', async () => {
    const dan = world.demo.carers.Dan!;
    await world.db.query(
      'update carers set captions_sha256 = null, voice_appreciated_sha256 = null, voice_matters_sha256 = null where id = $1',
      [dan],
    );
    const pack = VisitPackSchema.parse((await get(`/api/visits/${world.demo.visits.Peter}/pack`)).json());
    const carer = pack.candidates.find((c) => c.id === dan)!;
    expect(carer).not.toHaveProperty('captions');
    expect(carer).not.toHaveProperty('voices');
    expect(pack.files).toHaveLength(3 * 5 - 3);
  });

  it('gives only the section a carer has recorded', async () => {
    const grace = world.demo.carers.Grace!;
    const [before] = await world.db.query<{ voice_appreciated_sha256: string }>('select voice_appreciated_sha256 from carers where id = $1', [grace]);
    await world.db.query('update carers set voice_matters_sha256 = null where id = $1', [grace]);
    const pack = VisitPackSchema.parse((await get(`/api/visits/${world.demo.visits.Hilda}/pack`)).json());
    const carer = pack.candidates.find((c) => c.id === grace)!;
    expect(carer.voices).toEqual({ appreciated: before!.voice_appreciated_sha256 });
    expect(pack.files.map((f) => f.sha256)).toContain(before!.voice_appreciated_sha256);
    expect(pack.files).toHaveLength(4 * 5 - 1);
  });

  it("answers 404 for another organisation's visit and for ids that are not visits", async () => {
    for (const id of [world.other.visits.Hilda, '00000000-0000-4000-8000-000000000000', 'not-a-uuid', '..%2f..%2fetc']) {
      const response = await get(`/api/visits/${id}/pack`);
      expect(response.statusCode, id).toBe(404);
      expect(response.json().error.code).toBe('not-found');
    }
  });

  it('every demo pack validates, with candidates who fit the person', async () => {
    const packs = await Promise.all(
      ['Hilda', 'Ruth', 'Peter'].map(async (name) => VisitPackSchema.parse((await get(`/api/visits/${world.demo.visits[name]}/pack`)).json())),
    );
    const [, ruth, peter] = packs;
    expect(ruth!.candidates.every((c) => c.qualities.some((q) => ['chatty', 'lively', 'fun'].includes(q)))).toBe(true);
    expect(peter!.candidates.some((c) => c.interests.includes('cooking'))).toBe(true);
    expect(peter!.person.communication).toMatch(/pictures/);
  });
});
