import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../src/domain/api';
import { DEMO_ADMIN, DEMO_CARE_WORKER } from '../../src/server/seed/demo-data';
import { changedTables, snapshotDb } from '../support/db-snapshot';
import { jsonRoutes, type JsonRoute } from '../support/json-routes';
import { createUpload, jobIdOf, patchUpload } from '../support/media-fixtures';
import { makeOutcomeEvent, makePush } from '../support/server-events';
import { storeTestMedia } from '../support/server-media';
import { planRequest, runMatchAsTheApp } from '../support/server-matching';
import { makeServerWorld, OTHER_ADMIN, OTHER_ORGANISER, type ServerWorld } from '../support/server-world';

/**
 * A3 idor-enumeration: guessed ids, sequential-looking ids and another organisation's REAL ids, on every
 * route with an id. Each answers 404 with exactly the body an id that exists nowhere gets: no 403, no
 * data, nothing that tells a real record from a made-up one.
 */
type Resource = 'person' | 'carer' | 'visit' | 'media' | 'follow-up' | 'conflict' | 'upload' | 'media-job' | 'account' | 'device';

/** Which kind of record each route's id names. A new route with an id must be added here. */
function resourceOf(url: string): Resource | null {
  const rules: [RegExp, Resource][] = [
    [/^\/api\/people\/:id/, 'person'],
    [/^\/api\/carers\/:id/, 'carer'],
    [/^\/api\/visits\/:id/, 'visit'],
    [/^\/api\/media\/:sha256$/, 'media'],
    [/^\/api\/follow-ups\/:id/, 'follow-up'],
    [/^\/api\/conflicts\/:id/, 'conflict'],
    [/^\/api\/uploads\/:id$/, 'upload'],
    [/^\/api\/media-jobs\/:id$/, 'media-job'],
    [/^\/api\/accounts\/:id/, 'account'],
    [/^\/api\/devices\/:id/, 'device'],
  ];
  return rules.find(([pattern]) => pattern.test(url))?.[1] ?? null;
}

/** Made-up ids of each shape: random, and the ones an attacker counting from 1 would try. */
function guessedIds(resource: Resource): string[] {
  if (resource === 'media') return [randomUUID().replaceAll('-', '').repeat(2), '0'.repeat(63) + '1', '0'.repeat(64), 'f'.repeat(64)];
  if (resource === 'upload') return [randomUUID().replaceAll('-', ''), '0'.repeat(31) + '1', '0'.repeat(32)];
  return [randomUUID(), '00000000-0000-0000-0000-000000000001', '00000000-0000-4000-8000-000000000002', '1', '2', 'ffffffff-ffff-ffff-ffff-ffffffffffff'];
}

describe('A3 idor-enumeration: guessed ids and other organisations’ real ids are all "not found"', () => {
  let world: ServerWorld;
  let cookies: { organiser: string; admin: string; 'care-worker': string };
  let routes: JsonRoute[];
  const otherIds = {} as Record<Resource, string[]>;

  beforeAll(async () => {
    world = await makeServerWorld();
    cookies = { organiser: await world.signInOnTablet(), admin: await world.signIn(DEMO_ADMIN), 'care-worker': await world.signIn(DEMO_CARE_WORKER) };
    routes = jsonRoutes(world, cookies);
    const { other } = world;
    const otherDevice = randomUUID();
    const otherCookie = await world.signInOnTablet(OTHER_ORGANISER, otherDevice);

    // Records only the other organisation has: a planned visit, a follow-up, a conflict, an upload and its job, a file.
    const { inputs, result } = await runMatchAsTheApp(world, otherCookie, other.people.Peter!);
    const planned = await world.app.inject({ method: 'POST', url: '/api/match-runs', headers: { cookie: otherCookie }, payload: planRequest(inputs, result) });
    expect(planned.statusCode, planned.body).toBe(201);
    const plannedVisit = (planned.json() as { visitId: string }).visitId;
    const shown = ['Sam', 'Bethan', 'Grace', 'Tom'].map((name) => other.carers[name]!);
    // Two tablets' different answers for one visit: a conflict for the office.
    const secondDevice = randomUUID();
    const secondCookie = await world.signInOnTablet(OTHER_ORGANISER, secondDevice);
    const push = (deviceId: string, outcome: 'not-sure-yet' | 'chosen', chosen: string | null) =>
      world.app.inject({
        method: 'POST',
        url: '/api/events',
        headers: { cookie: deviceId === otherDevice ? otherCookie : secondCookie },
        payload: makePush([makeOutcomeEvent(other.visits.Hilda!, shown, { deviceId, payload: { outcome, chosenCarerId: chosen } })], { deviceId }),
      });
    expect((await push(otherDevice, 'not-sure-yet', null)).statusCode).toBe(200);
    expect((await push(secondDevice, 'chosen', shown[1]!)).statusCode).toBe(200);
    const [followUp] = await world.db.query<{ id: string }>('select id from follow_ups where organisation_id = $1', [other.organisationId]);
    const [conflict] = await world.db.query<{ id: string }>('select id from visit_conflicts where organisation_id = $1', [other.organisationId]);
    const otherSha = await storeTestMedia(world.db, world.mediaDir, other.organisationId, 'only-other.png', Buffer.from(`other organisation's file ${randomUUID()}`));
    const created = await createUpload(world.app, otherCookie, { carerId: other.carers.Grace!, kind: 'photo', filename: 'p.jpg' }, 10);
    expect(created.statusCode).toBe(201);
    const uploadId = String(created.headers.location).split('/').pop()!;
    const sharp = (await import('sharp')).default;
    const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#123' } }).jpeg().toBuffer();
    const photo = await createUpload(world.app, otherCookie, { carerId: other.carers.Tom!, kind: 'photo', filename: 'p.jpg' }, jpeg.length);
    const job = jobIdOf(await patchUpload(world.app, otherCookie, String(photo.headers.location), jpeg));
    const otherAdmin = await world.signIn(OTHER_ADMIN);
    const accounts = await world.app.inject({ method: 'GET', url: '/api/accounts', headers: { cookie: otherAdmin } });
    const otherAccounts = accounts.statusCode === 200 ? (accounts.json() as { accounts: { id: string }[] }).accounts.map((a) => a.id) : [other.userId];
    const [device] = await world.db.query<{ id: string }>('select id from devices where organisation_id = $1 limit 1', [other.organisationId]);

    Object.assign(otherIds, {
      person: Object.values(other.people),
      carer: Object.values(other.carers),
      visit: [...Object.values(other.visits), plannedVisit],
      media: [otherSha],
      'follow-up': [followUp!.id],
      conflict: [conflict!.id],
      upload: [uploadId],
      'media-job': [job],
      account: otherAccounts,
      device: [device!.id],
    } satisfies Record<Resource, string[]>);
  }, 120_000);
  afterAll(() => world.close());

  /** A valid body per route, made once (making one may read records, which the audit log counts). */
  const bodies = new Map<string, unknown>();
  async function send(method: string, url: string, pattern: string, as: string): Promise<LightMyRequestResponse> {
    const key = `${method} ${pattern}`;
    if (!bodies.has(key)) {
      const route = routes.find((r) => r.method === method && r.pattern === pattern);
      bodies.set(key, route ? (await route.make()).body : method === 'POST' || method === 'PUT' ? {} : undefined);
    }
    const body = bodies.get(key);
    const tus = pattern.startsWith('/api/uploads') ? { 'tus-resumable': '1.0.0', ...(method === 'PATCH' ? { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' } : {}) } : {};
    return world.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie: as, ...tus },
      ...(method === 'PATCH' ? { payload: Buffer.from('xx') } : body === undefined ? {} : { payload: body as object }),
    });
  }

  it('names the kind of record behind every route with an id', () => {
    const unmapped = world.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.url.includes(':') && resourceOf(r.url) === null);
    expect(unmapped).toEqual([]);
  });

  it('answers every guessed and every foreign id exactly as an id that exists nowhere: 404, same body, no data, nothing changed', async () => {
    const idRoutes = world.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.url.includes(':'));
    for (const { method, url } of idRoutes) await send(method, url.replace(/:[A-Za-z0-9_]+/, '0'), url, cookies.organiser);
    const before = await snapshotDb(world.db, { ignoreColumns: { sessions: ['last_seen_at'], devices: ['last_seen_at'] } });
    const problems: string[] = [];
    let requests = 0;
    const byResource: Record<string, number> = {};
    for (const { method, url } of idRoutes) {
      const resource = resourceOf(url)!;
      const param = url.match(/:[A-Za-z0-9_]+/)![0];
      const at = (id: string) => url.replace(param, id);
      // The role the route is for: the first whose answer to a made-up id is not "your role may not".
      let as = cookies.organiser;
      let baseline = await send(method, at(guessedIds(resource)[0]!), url, as);
      for (const cookie of [cookies.admin, cookies['care-worker']]) {
        if (baseline.statusCode !== 403) break;
        as = cookie;
        baseline = await send(method, at(guessedIds(resource)[0]!), url, as);
      }
      const where = (id: string, response: LightMyRequestResponse) => `${method} ${at(id)} → ${response.statusCode}`;
      if (baseline.statusCode !== 404) problems.push(`${where(guessedIds(resource)[0]!, baseline)}: a made-up id is not a 404: ${baseline.body.slice(0, 200)}`);
      const expected = method === 'HEAD' ? '' : ApiErrorSchema.safeParse(safeJson(baseline.body)).success ? baseline.body : null;
      if (expected === null) problems.push(`${method} ${url}: the 404 is not an ApiError: ${baseline.body.slice(0, 200)}`);

      for (const [kind, ids] of [
        ['guessed', guessedIds(resource)],
        ['other organisation', otherIds[resource]],
      ] as const) {
        for (const id of ids) {
          const response = await send(method, at(id), url, as);
          requests++;
          byResource[resource] = (byResource[resource] ?? 0) + 1;
          if (response.statusCode !== 404) problems.push(`${where(id, response)} (${kind}): ${response.body.slice(0, 200)}`);
          else if (response.body !== expected) problems.push(`${where(id, response)} (${kind}): a different 404 from a made-up id's: ${response.body.slice(0, 200)} vs ${expected?.slice(0, 200)}`);
          if (kind === 'other organisation' && response.body.includes(id) && response.statusCode !== 404) problems.push(`${where(id, response)}: the answer names the record`);
        }
      }
    }
    const after = await snapshotDb(world.db, { ignoreColumns: { sessions: ['last_seen_at'], devices: ['last_seen_at'] } });
    console.log(JSON.stringify({ routes: idRoutes.length, requests, leaks: problems.length, byResource }));
    expect(problems).toEqual([]);
    expect(changedTables(before, after)).toEqual([]);
  }, 120_000);

  it("serves media only to a session of the owning organisation: no session is 401 with no bytes, another organisation's is 404", async () => {
    const [mine] = await world.db.query<{ sha256: string }>(
      'select sha256 from media m where organisation_id = $1 and not exists (select 1 from media o where o.sha256 = m.sha256 and o.organisation_id <> m.organisation_id) limit 1',
      [world.demo.organisationId],
    );
    const sha = mine?.sha256 ?? (await storeTestMedia(world.db, world.mediaDir, world.demo.organisationId, 'only-demo.png', Buffer.from(`demo's own file ${randomUUID()}`)));
    const own = await world.app.inject({ method: 'GET', url: `/api/media/${sha}`, headers: { cookie: cookies.organiser } });
    expect(own.statusCode).toBe(200);
    const signedOut = await world.app.inject({ method: 'GET', url: `/api/media/${sha}` });
    expect(signedOut.statusCode).toBe(401);
    expect(signedOut.rawPayload.includes(own.rawPayload.subarray(0, 32))).toBe(false);
    const other = await world.app.inject({ method: 'GET', url: `/api/media/${sha}`, headers: { cookie: await world.signIn(OTHER_ORGANISER), range: 'bytes=0-10' } });
    expect(other.statusCode).toBe(404);
    const jobs = await world.app.inject({ method: 'GET', url: `/api/media-jobs?uploadId=${otherIds.upload[0]}`, headers: { cookie: cookies.organiser } });
    expect(jobs.statusCode).toBe(404);
  });
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
