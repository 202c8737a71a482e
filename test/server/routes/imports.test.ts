import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CarerImportPreviewSchema, CarerImportResultSchema, MAX_IMPORT_ROWS } from '../../../src/domain/csv/carer-import-api';
import { writeCsv } from '../../../src/domain/csv/parse-csv';
import { DEMO_CARE_WORKER } from '../../../src/server/seed/demo-data';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

const TEMPLATE = readFileSync(new URL('../../../docs/carer-import-template.csv', import.meta.url), 'utf8');
const HEADER = ['Staff ID', 'First name', 'Gender', 'Drives', 'Base area', 'Base latitude', 'Base longitude', 'Travel km', 'Skills', 'Languages', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

interface CarerRow {
  id: string;
  first_name: string;
  profile: unknown;
  photo_sha256: string | null;
  film_sha256: string | null;
  consent_given_at: Date | null;
  gender: string | null;
  drives: boolean | null;
  base_area: string | null;
  base_lat: number | null;
  base_lon: number | null;
  travel_km: number | null;
  skills: string[];
  languages: string[];
  availability: unknown[];
  updated_at: Date;
}

describe('/api/imports/carers', () => {
  let world: ServerWorld;
  let cookie: string;
  let otherCookie: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signIn();
    otherCookie = await world.signIn(OTHER_ORGANISER);
  });
  afterAll(() => world.close());

  const post = (url: string, csv: string, as = cookie) => world.app.inject({ method: 'POST', url, headers: { cookie: as }, payload: { csv } });
  const preview = async (csv: string, as = cookie) => {
    const response = await post('/api/imports/carers/preview', csv, as);
    expect(response.statusCode, response.body).toBe(200);
    return CarerImportPreviewSchema.parse(response.json());
  };
  const importFile = async (csv: string, as = cookie) => {
    const response = await post('/api/imports/carers', csv, as);
    expect(response.statusCode, response.body).toBe(200);
    return CarerImportResultSchema.parse(response.json());
  };
  const carerByRef = async (org: string, ref: string) =>
    (await world.db.query<CarerRow>('select * from carers where organisation_id = $1 and external_ref = $2', [org, ref]))[0];
  const carerCount = async () => (await world.db.query<{ n: number }>('select count(*)::int as n from carers'))[0]!.n;

  it('previews the template without saving anything', async () => {
    const before = await carerCount();
    const answer = await preview(TEMPLATE);
    expect(answer.fileErrors).toEqual([]);
    expect(answer.counts).toEqual({ add: 3, update: 0, unchanged: 0, withErrors: 0 });
    expect(answer.rows.map((r) => [r.line, r.staffId, r.firstName, r.action])).toEqual([
      [2, 'E1042', 'Sam', 'add'],
      [3, 'E1043', 'Bethan', 'add'],
      [4, 'E1057', 'Alex', 'add'],
    ]);
    expect(await carerCount()).toBe(before);
  });

  it('adds new care workers with an empty profile, no photo or film and no agreement yet, in one go', async () => {
    const result = await importFile(TEMPLATE);
    expect(result).toEqual({ added: 3, updated: 0, unchanged: 0 });
    const sam = await carerByRef(world.demo.organisationId, 'E1042');
    expect(sam).toMatchObject({
      first_name: 'Sam',
      profile: { appreciated: [], mattersToMe: [], interests: [], qualities: [] },
      photo_sha256: null,
      film_sha256: null,
      consent_given_at: null,
      gender: 'man',
      drives: true,
      base_area: 'Bispham, Blackpool',
      base_lat: 53.8466,
      base_lon: -3.0412,
      travel_km: 15,
      skills: ['dementia care', 'personal care', 'medication'],
      languages: ['English', 'Gujarati'],
    });
    expect(sam!.availability).toHaveLength(5);
    expect(await carerByRef(world.other.organisationId, 'E1042')).toBeUndefined();

    // Until they finish their profile and agree, matching leaves them out: nobody can be shown them.
    const inputs = await world.app.inject({ method: 'GET', url: `/api/people/${world.demo.people.Hilda}/match-inputs`, headers: { cookie } });
    expect(inputs.statusCode, inputs.body).toBe(200);
    const staff = (inputs.json() as { scenario: { staff: { id: string }[] } }).scenario.staff.map((s) => s.id);
    expect(staff).not.toContain(sam!.id);
  });

  it('compares a second file by Staff ID: unchanged rows stay, changed ones update only the rota facts', async () => {
    const org = world.demo.organisationId;
    // Bethan has since written her profile, made her film and agreed to be shown.
    const bethan = (await carerByRef(org, 'E1043'))!;
    const photo = (await world.db.query<{ photo_sha256: string }>('select photo_sha256 from carers where organisation_id = $1 and photo_sha256 is not null limit 1', [org]))[0]!.photo_sha256;
    const profile = { appreciated: ['Patient'], mattersToMe: ['Family', 'Chapel', 'Rugby'], interests: ['choirs'], qualities: ['calm'] };
    await world.db.query('update carers set profile = $2::jsonb, photo_sha256 = $3, consent_given_at = now() where id = $1', [bethan.id, JSON.stringify(profile), photo]);

    const changed = TEMPLATE.replace('"personal care; meal preparation","Welsh; English",,', '"personal care; meal preparation; hoist","Welsh; English",08:00-10:00,');
    const answer = await preview(changed);
    expect(answer.counts).toEqual({ add: 0, update: 1, unchanged: 2, withErrors: 0 });
    expect(answer.rows[1]).toMatchObject({ staffId: 'E1043', action: 'update', changes: ['Skills', 'Availability'] });

    expect(await importFile(changed)).toEqual({ added: 0, updated: 1, unchanged: 2 });
    const after = (await carerByRef(org, 'E1043'))!;
    expect(after.id).toBe(bethan.id);
    expect(after.skills).toEqual(['personal care', 'meal preparation', 'hoist']);
    expect(after.availability).toContainEqual({ day: 'mon', start: '08:00', end: '10:00' });
    expect(after.profile).toEqual(profile);
    expect(after.photo_sha256).toBe(photo);
    expect(after.consent_given_at).not.toBeNull();
    expect(after.updated_at.getTime()).toBeGreaterThan(bethan.updated_at.getTime());
    const sam = (await carerByRef(org, 'E1042'))!;
    expect(await importFile(changed)).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect((await carerByRef(org, 'E1042'))!.updated_at).toEqual(sam.updated_at);
  });

  it('leaves a fact alone when the file has no column for it', async () => {
    const org = world.demo.organisationId;
    const before = (await carerByRef(org, 'E1042'))!;
    expect(await importFile('Staff ID,First name,Travel km\r\nE1042,Samuel,20\r\n')).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const after = (await carerByRef(org, 'E1042'))!;
    expect(after).toMatchObject({ first_name: 'Samuel', travel_km: 20, skills: before.skills, languages: before.languages, gender: 'man', base_lat: 53.8466 });
    expect(after.availability).toEqual(before.availability);
  });

  it('refuses the whole file when any row has a problem, saving nothing, and says which', async () => {
    const before = await world.db.query('select * from carers order by id');
    const csv = writeCsv([HEADER, ['E2001', 'Grace', 'woman', 'yes'], ['E1042', 'Sam', 'man', 'yes', '', '', '', '', '', '', '7-12'], ['E2001', 'Gwen']]);
    const answer = await preview(csv);
    expect(answer.counts).toEqual({ add: 2, update: 1, unchanged: 0, withErrors: 3 });
    expect(answer.rows[1]!.errors).toEqual([{ column: 'Mon', message: "Row 3, Mon: '7-12' is not a time window; write it like 07:00-12:00." }]);

    const response = await post('/api/imports/carers', csv);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'invalid-request',
        message:
          "Nothing was imported: 3 rows have problems. Row 2, Staff ID: 'E2001' is also on row 4; each care worker can be in the file once. Row 3, Mon: '7-12' is not a time window; write it like 07:00-12:00. Row 4, Staff ID: 'E2001' is also on row 2; each care worker can be in the file once. Fix the file and check it again.",
      },
    });
    expect(await world.db.query('select * from carers order by id')).toEqual(before);
  });

  it('answers problems with the file as a whole in the preview, and refuses to import it', async () => {
    const answer = await preview('Name,Mon\r\nSam,07:00-12:00\r\n');
    expect(answer.fileErrors).toEqual([
      'The file has no Staff ID column. The first row must name the columns, as in the template.',
      'The file has no First name column. The first row must name the columns, as in the template.',
    ]);
    expect(answer.rows).toEqual([]);
    const response = await post('/api/imports/carers', 'Name,Mon\r\nSam,07:00-12:00\r\n');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/^Nothing was imported\. The file has no Staff ID column/);
    expect((await post('/api/imports/carers/preview', '')).json().error.message).toBe('csv: must not be empty: choose a file or paste its text.');
  });

  it("keeps each organisation's Staff IDs to itself", async () => {
    const answer = await preview(TEMPLATE, otherCookie);
    expect(answer.counts).toEqual({ add: 3, update: 0, unchanged: 0, withErrors: 0 });
    expect(await importFile('Staff ID,First name\r\nE1042,Sam from Other\r\n', otherCookie)).toEqual({ added: 1, updated: 0, unchanged: 0 });
    expect((await carerByRef(world.demo.organisationId, 'E1042'))!.first_name).toBe('Samuel');
    expect((await carerByRef(world.other.organisationId, 'E1042'))!.first_name).toBe('Sam from Other');
  });

  it('is for organisers only', async () => {
    const careWorker = await world.signIn(DEMO_CARE_WORKER);
    for (const url of ['/api/imports/carers/preview', '/api/imports/carers']) {
      const refused = await post(url, TEMPLATE, careWorker);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('not-allowed');
      const stranger = await world.app.inject({ method: 'POST', url, payload: { csv: TEMPLATE } });
      expect(stranger.statusCode).toBe(401);
    }
  });

  it(`takes a whole rota of ${MAX_IMPORT_ROWS} care workers, larger than the server's usual 1 MB body, in one transaction`, async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => [
      `BULK-${i}`,
      `Carer ${i}`,
      i % 2 ? 'woman' : 'man',
      'yes',
      `Flat ${i}, "The Crescent", Bispham, Blackpool, Lancashire, near the tram stop and the library`,
      '53.84',
      '-3.04',
      '',
      'personal care; dementia care; medication; moving and handling',
      'English',
      '07:00-12:00; 17:00-21:00',
      '07:00-12:00; 17:00-21:00',
    ]);
    const csv = writeCsv([HEADER.slice(0, 12), ...rows]);
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    const before = await carerCount();
    expect(await importFile(csv)).toEqual({ added: MAX_IMPORT_ROWS, updated: 0, unchanged: 0 });
    expect(await carerCount()).toBe(before + MAX_IMPORT_ROWS);
    expect(await carerByRef(world.demo.organisationId, 'BULK-4999')).toMatchObject({ first_name: 'Carer 4999', gender: 'woman' });
  }, 60_000);

  it('refuses a file over 2 MB with a message about the file, not a server error', async () => {
    const big = writeCsv([['Staff ID', 'First name', 'Notes'], ...Array.from({ length: 100 }, (_, i) => [`E${i}`, 'Sam', 'x'.repeat(22_000)])]);
    const answer = await preview(big);
    expect(answer.fileErrors).toEqual(['The file is 2.1 MB; Hearth takes at most 2 MB at a time. Split it into smaller files.']);
    const huge = await post('/api/imports/carers/preview', 'x'.repeat(5 * 1024 * 1024));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual({
      error: { code: 'file-too-large', message: 'The file is too large: Hearth takes at most 2 MB at a time. Split it into smaller files.' },
    });
  });
});
