import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../src/domain/api';
import type { Db } from '../../src/server/database/db';
import { DEMO_ADMIN, DEMO_CARE_WORKER, DEMO_MANAGER, DEMO_ORGANISER } from '../../src/server/seed/demo-data';
import type { SeededDemo } from '../../src/server/seed/seed-demo';
import { makeOutcomeEvent, makePush } from '../support/server-events';
import { makeServerWorld, OTHER_ADMIN, OTHER_CARE_WORKER, OTHER_MANAGER, OTHER_ORGANISER, type ServerWorld } from '../support/server-world';

/**
 * A1 (tenant-route-matrix): every route of app.routeTable × every role × the caller's own organisation's
 * record and another organisation's. The expected matrix below is the one place that says who may call
 * what; a route the app has and the matrix lacks (or the other way round) fails the first test.
 *
 * Adding a route is one line in MATRIX: `'GET /api/things/:id': row(['organiser'], { id: (o) => o.visit })`.
 * HEAD follows GET unless it has a line of its own.
 */

type Role = 'admin' | 'organiser' | 'manager' | 'care-worker';
type Actor = Role | 'none';

/** One organisation's records a request can name. Both organisations are seeded alike, so each has its own. */
interface OrgRecords {
  seed: SeededDemo;
  visit: string;
  person: string;
  /** The demo care worker's own carer record (Sam). */
  carer: string;
  /** A carer with no account yet (Tom). */
  spareCarer: string;
  /** A user no actor signs in as, for the admin's routes to act on. */
  account: string;
  /** A media file only this organisation has. */
  media: string;
  /** Sam's photo (the care worker may see it). */
  ownMedia: string;
  /** A tablet whose storage key this organisation holds. */
  tablet: string;
}

interface Fixture {
  /** The value for the route's :id (or :sha256) parameter. */
  id?: (o: OrgRecords) => string;
  payload?: (o: OrgRecords) => object;
  query?: string;
  /**
   * What an allowed role gets for another organisation's record. 404 unless the route checks its body
   * before looking the id up (400, and nothing changed), or refuses a push naming another's visit.
   */
  crossOrg?: readonly number[];
  /** The request ends the caller's session(s): sign in again afterwards. */
  endsSession?: boolean;
}

interface Row extends Fixture {
  allow: readonly Actor[];
}

const SIGNED_IN: readonly Actor[] = ['admin', 'organiser', 'manager', 'care-worker'];
const PUBLIC: readonly Actor[] = [...SIGNED_IN, 'none'];
const NOBODY_KNOWS = '0190f5a2-7b3c-7d4e-8f00-0000000000aa';
const BODY_FIRST = [400, 404];

const row = (allow: readonly Actor[], fixture: Fixture = {}): Row => ({ allow, ...fixture });
const login = () => ({ email: DEMO_ORGANISER.email, password: DEMO_ORGANISER.password });
const push = (o: OrgRecords) => makePush([makeOutcomeEvent(o.visit, ['Sam', 'Bethan', 'Grace', 'Tom'].map((n) => o.seed.carers[n]!))]);

const MATRIX: Record<string, Row> = {
  'GET /api/health': row(PUBLIC),
  'POST /api/session': row(PUBLIC, { payload: login }),
  'POST /api/session/check': row(PUBLIC, { payload: login }),
  'GET /api/session': row(SIGNED_IN),
  'PUT /api/session/password': row(SIGNED_IN, { payload: () => ({ currentPassword: 'not-the-password', newPassword: 'never-saved-1' }) }),
  'DELETE /api/session': row(PUBLIC, { endsSession: true }),
  'DELETE /api/sessions': row(SIGNED_IN, { endsSession: true }),

  'GET /api/accounts': row(['admin']),
  'POST /api/accounts': row(['admin'], {
    payload: (o) => ({ name: 'Matrix', email: `matrix-${randomUUID()}@demo.hearth.test`, role: 'care-worker', password: 'matrix-pass-1', carerId: o.spareCarer }),
  }),
  'PUT /api/accounts/:id/status': row(['admin'], { id: (o) => o.account, payload: () => ({ disabled: false }) }),
  'PUT /api/accounts/:id/password': row(['admin'], { id: (o) => o.account, payload: () => ({ password: 'matrix-pass-1' }) }),

  'POST /api/devices': row(['admin', 'organiser'], { payload: () => ({}) }),
  'GET /api/devices': row(['admin', 'organiser']),
  'POST /api/devices/:id/revoke': row(['admin', 'organiser'], { id: () => NOBODY_KNOWS }),
  'GET /api/audit': row(['admin']),
  'POST /api/tablet-key': row(['organiser', 'admin'], { payload: (o) => ({ deviceId: o.tablet, password: 'hearth-demo' }) }),

  'GET /api/visits': row(['organiser']),
  'GET /api/visits/:id/pack': row(['organiser'], { id: (o) => o.visit }),
  'PUT /api/visits/:id/shortlist': row(['organiser'], { id: (o) => o.visit, payload: () => ({}), crossOrg: BODY_FIRST }),
  'GET /api/visits/:id/match-run': row(['organiser'], { id: (o) => o.visit }),
  'GET /api/visits/:id/evidence': row(['organiser', 'manager'], { id: (o) => o.visit }),
  'POST /api/events': row(['organiser'], { payload: push, crossOrg: [400, 403, 404] }),
  'POST /api/match-runs': row(['organiser'], { payload: (o) => ({ personId: o.person }), crossOrg: BODY_FIRST }),
  'GET /api/follow-ups': row(['organiser']),
  'POST /api/follow-ups/:id/resolve': row(['organiser'], { id: () => NOBODY_KNOWS, payload: () => ({}) }),
  'GET /api/conflicts': row(['organiser']),
  'POST /api/conflicts/:id/resolve': row(['organiser'], { id: () => NOBODY_KNOWS, payload: () => ({}) }),

  'GET /api/people': row(['organiser']),
  'GET /api/people/profiles': row(['organiser']),
  'POST /api/people': row(['organiser'], { payload: () => ({ firstName: 'Matrix' }) }),
  'GET /api/people/:id/profile': row(['organiser'], { id: (o) => o.person }),
  'PUT /api/people/:id/profile': row(['organiser'], { id: (o) => o.person, payload: () => ({}), crossOrg: BODY_FIRST }),
  'PUT /api/people/:id/person-mode': row(['organiser'], { id: (o) => o.person, payload: () => ({}), crossOrg: BODY_FIRST }),
  'GET /api/people/:id/match-inputs': row(['organiser'], { id: (o) => o.person }),

  'GET /api/carers': row(['organiser']),
  'POST /api/carers': row(['organiser'], { payload: () => ({ firstName: 'Matrix' }) }),
  'GET /api/carers/:id/profile': row(['organiser', 'care-worker'], { id: (o) => o.carer }),
  'PUT /api/carers/:id/profile': row(['organiser', 'care-worker'], { id: (o) => o.carer, payload: () => ({}), crossOrg: BODY_FIRST }),
  'GET /api/carers/:id/captions': row(['organiser', 'care-worker'], { id: (o) => o.carer }),
  'PUT /api/carers/:id/captions': row(['organiser', 'care-worker'], { id: (o) => o.carer, payload: () => ({ text: '' }) }),
  'POST /api/carers/:id/account': row(['organiser'], {
    id: (o) => o.spareCarer,
    payload: () => ({ name: 'Matrix', email: `matrix-${randomUUID()}@demo.hearth.test`, password: 'matrix-pass-1' }),
  }),
  'PUT /api/carers/:id/consent': row(['care-worker'], { id: (o) => o.carer, payload: () => ({ agreed: true }) }),
  'POST /api/imports/carers/preview': row(['organiser'], { payload: () => ({ csv: '' }) }),
  'POST /api/imports/carers': row(['organiser'], { payload: () => ({ csv: '' }) }),

  'GET /api/media/:sha256': row(['organiser', 'care-worker'], { id: (o) => o.ownMedia }),
  'POST /api/uploads': row(['organiser', 'care-worker'], { payload: () => ({}) }),
  'HEAD /api/uploads/:id': row(['organiser', 'care-worker'], { id: () => NOBODY_KNOWS }),
  'PATCH /api/uploads/:id': row(['organiser', 'care-worker'], { id: () => NOBODY_KNOWS }),
  'DELETE /api/uploads/:id': row(['organiser', 'care-worker'], { id: () => NOBODY_KNOWS }),
  'GET /api/media-jobs': row(['organiser', 'care-worker']),
  'GET /api/media-jobs/:id': row(['organiser', 'care-worker'], { id: () => NOBODY_KNOWS }),

  'GET /api/exports/outcomes.csv': row(['organiser', 'manager']),
  'GET /api/reports/choice': row(['organiser', 'manager']),
  'GET /api/reports/missing-outcomes': row(['organiser', 'admin', 'manager']),

  'GET /': row(PUBLIC),
  'GET /index.html': row(PUBLIC),
};

const LOGINS: Record<Role, { email: string; password: string }> = {
  admin: DEMO_ADMIN,
  organiser: DEMO_ORGANISER,
  manager: DEMO_MANAGER,
  'care-worker': DEMO_CARE_WORKER,
};
const ACTORS: readonly Actor[] = ['admin', 'organiser', 'manager', 'care-worker', 'none'];

const rowOf = (method: string, url: string): Row | undefined => MATRIX[`${method} ${url}`] ?? (method === 'HEAD' ? MATRIX[`GET ${url}`] : undefined);

/**
 * Row counts and a hash of every table's rows: equal before and after means nothing changed. Sessions
 * are hashed without last_seen_at, which any signed-in request may move on (at most once a minute).
 */
async function databaseState(db: Db): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`);
  const parts = tables.map(({ name }) => {
    const rowText = name === 'sessions' ? `(x.token_sha256, x.organisation_id, x.user_id, x.expires_at)::text` : 'x::text';
    return `select '${name}' as name, count(*)::text || ':' || md5(coalesce(string_agg(${rowText}, '|' order by ${rowText}), '')) as state from "${name}" x`;
  });
  const rows = await db.query<{ name: string; state: string }>(parts.join(' union all '));
  return Object.fromEntries(rows.map((r) => [r.name, r.state]));
}

async function recordsOf(db: Db, seed: SeededDemo): Promise<OrgRecords> {
  const account = randomUUID();
  await db.query(`insert into users (id, organisation_id, email, name, password_hash, role) values ($1, $2, $3, 'Spare', 'none', 'organiser')`, [
    account,
    seed.organisationId,
    `spare-${account}@matrix.test`,
  ]);
  const media = randomBytes(32).toString('hex');
  await db.query(`insert into media (organisation_id, sha256, bytes, type, path) values ($1, $2, 1, 'image/jpeg', $3)`, [seed.organisationId, media, `${media}.jpg`]);
  const [sam] = await db.query<{ photo_sha256: string }>('select photo_sha256 from carers where organisation_id = $1 and id = $2', [seed.organisationId, seed.carers.Sam]);
  return {
    seed,
    visit: seed.visits.Hilda!,
    person: seed.people.Hilda!,
    carer: seed.carers.Sam!,
    spareCarer: seed.carers.Tom!,
    account,
    media,
    ownMedia: sam!.photo_sha256,
    tablet: randomUUID(),
  };
}

describe('route × role × organisation matrix (A1)', () => {
  let world: ServerWorld;
  let own: OrgRecords;
  let other: OrgRecords;
  const cookies = new Map<Actor, string | null>();
  /** The organiser's and the admin's own enrolled tablet (a visit pack goes only onto one). */
  const deviceCookies = new Map<Actor, string>();

  beforeAll(async () => {
    world = await makeServerWorld();
    own = await recordsOf(world.db, world.demo);
    other = await recordsOf(world.db, world.other);
    cookies.set('none', null);
    // The other organisation's tablet has its key already: asking for it from here must find nothing.
    const otherOrganiser = await world.signIn(OTHER_ORGANISER);
    const key = await world.app.inject({ method: 'POST', url: '/api/tablet-key', headers: { cookie: otherOrganiser }, payload: { deviceId: other.tablet, password: OTHER_ORGANISER.password } });
    if (key.statusCode !== 200) throw new Error(`could not make the other organisation's tablet key: ${key.body}`);
    for (const role of SIGNED_IN as Role[]) cookies.set(role, await world.signIn(LOGINS[role]));
    for (const role of ['organiser', 'admin'] as const) {
      const enrolled = await world.app.inject({
        method: 'POST',
        url: '/api/devices',
        headers: { cookie: cookies.get(role)! },
        payload: { deviceId: randomUUID(), label: `Matrix tablet (${role})` },
      });
      if (enrolled.statusCode !== 200) throw new Error(`could not enrol a tablet: ${enrolled.body}`);
      deviceCookies.set(role, enrolled.cookies.map((c) => `${c.name}=${c.value}`).join('; '));
    }
  }, 60_000);
  afterAll(() => world.close());

  it('has a row for every route the app registered, and no row for a route it does not have', () => {
    const routes = world.app.routeTable.map((r) => `${r.method} ${r.url}`);
    const missing = world.app.routeTable.filter((r) => !rowOf(r.method, r.url)).map((r) => `${r.method} ${r.url}`);
    expect(missing, 'routes missing from MATRIX in test/server/authz-matrix.test.ts').toEqual([]);
    const stale = Object.keys(MATRIX).filter((key) => !routes.includes(key));
    expect(stale, 'MATRIX rows for routes the app does not have').toEqual([]);
  });

  it('allows exactly the roles in the matrix; refusals carry no record data and change nothing; other organisations’ records are not found', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { method, url } of world.app.routeTable) {
      const spec = rowOf(method, url);
      if (!spec) continue;
      for (const actor of ACTORS) {
        const sides: ['own' | 'other', OrgRecords][] = [['own', own]];
        const differs = (o: OrgRecords) => JSON.stringify([spec.id?.(o), spec.payload ? stripRandom(spec.payload(o)) : null]);
        if (differs(own) !== differs(other)) sides.push(['other', other]);
        for (const [side, records] of sides) {
          const allowed = spec.allow.includes(actor);
          const mustNotChange = !allowed || side === 'other';
          const before = mustNotChange ? await databaseState(world.db) : null;
          const cookie = [cookies.get(actor), deviceCookies.get(actor)].filter(Boolean).join('; ');
          const response = await world.app.inject({
            method: method as 'GET',
            url: `${url.replace(/:[A-Za-z0-9_]+/g, spec.id?.(records) ?? NOBODY_KNOWS)}${spec.query ?? ''}`,
            headers: cookie ? { cookie } : {},
            ...(spec.payload ? { payload: spec.payload(records) } : ['POST', 'PUT', 'PATCH'].includes(method) ? { payload: {} } : {}),
          });
          checked += 1;
          const where = `${method} ${url} as ${actor} (${side} organisation) → ${response.statusCode}`;
          if (response.statusCode >= 500) problems.push(`${where}: server error`);
          if (allowed && side === 'own' && [401, 403].includes(response.statusCode)) problems.push(`${where}: should be allowed`);
          if (allowed && side === 'other' && !(spec.crossOrg ?? [404]).includes(response.statusCode)) problems.push(`${where}: another organisation's record should be not found`);
          if (!allowed && ![401, 403, 404].includes(response.statusCode)) problems.push(`${where}: should be refused (401, 403 or 404)`);
          if (mustNotChange) {
            if (!carriesNoData(response.body, method)) problems.push(`${where}: the refusal carries more than an error: ${response.body.slice(0, 200)}`);
            const after = await databaseState(world.db);
            const changed = Object.keys(after).filter((t) => after[t] !== before![t]);
            if (changed.length > 0) problems.push(`${where}: changed ${changed.join(', ')}`);
          }
          if (spec.endsSession && actor !== 'none') cookies.set(actor, await world.signIn(LOGINS[actor]));
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(world.app.routeTable.length * ACTORS.length);
  }, 600_000);

  it('gives each organisation only its own records while both organisations’ requests run at the same time', async () => {
    const otherLogins: Record<Role, { email: string; password: string }> = { admin: OTHER_ADMIN, organiser: OTHER_ORGANISER, manager: OTHER_MANAGER, 'care-worker': OTHER_CARE_WORKER };
    const reads: [Role, (o: OrgRecords) => string][] = [
      ['organiser', () => '/api/visits'],
      ['organiser', () => '/api/people/profiles'],
      ['organiser', () => '/api/carers'],
      ['organiser', (o) => `/api/visits/${o.visit}/evidence`],
      ['admin', () => '/api/accounts'],
      ['manager', () => '/api/reports/choice'],
      ['care-worker', (o) => `/api/carers/${o.carer}/profile`],
    ];
    const actors = [
      { records: own, cookies: new Map(await Promise.all((SIGNED_IN as Role[]).map(async (r) => [r, await world.signIn(LOGINS[r])] as const))) },
      { records: other, cookies: new Map(await Promise.all((SIGNED_IN as Role[]).map(async (r) => [r, await world.signIn(otherLogins[r])] as const))) },
    ];
    const requests = actors.flatMap(({ records, cookies: signedIn }) =>
      reads.map(([role, url]) => ({ records, url: url(records), cookie: signedIn.get(role)! })),
    );
    const ask = (r: (typeof requests)[number]) => world.app.inject({ method: 'GET', url: r.url, headers: { cookie: r.cookie } });
    const alone: string[] = [];
    for (const request of requests) {
      const response = await ask(request);
      expect(response.statusCode, request.url).toBe(200);
      alone.push(response.body);
    }
    for (let round = 0; round < 3; round++) {
      // Interleaved: each organisation's request next to the other's.
      const order = requests.map((_, i) => i).sort((a, b) => ((a * 7 + round) % requests.length) - ((b * 7 + round) % requests.length));
      const together = await Promise.all(order.map((i) => ask(requests[i]!)));
      order.forEach((i, k) => {
        expect(together[k]!.body, `${requests[i]!.url} (round ${round})`).toBe(alone[i]);
        const foreign = requests[i]!.records === own ? other : own;
        expect(together[k]!.body).not.toContain(foreign.seed.organisationId);
        expect(together[k]!.body).not.toContain(foreign.visit);
      });
    }
  }, 300_000);
});

/** A refusal is an ApiError and nothing else (no ids listed), or empty for HEAD. */
function carriesNoData(body: string, method: string): boolean {
  if (method === 'HEAD') return body === '';
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return false;
  }
  const parsed = ApiErrorSchema.safeParse(json);
  return parsed.success && parsed.data.error.ids === undefined;
}

/** Payloads with a fresh email each time are still "the same request" for both organisations. */
function stripRandom(payload: object): object {
  return JSON.parse(JSON.stringify(payload).replace(/matrix-[0-9a-f-]{36}/g, 'matrix'));
}
