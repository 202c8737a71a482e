import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { ChangePasswordRequestSchema, LoginRequestSchema, NewCareWorkerAccountSchema } from '../../src/domain/api';
import { CaptionsRequestSchema } from '../../src/domain/captions';
import { ConsentRequestSchema, CarerProfileFormSchema, CarerProfileViewSchema, NewCarerRequestSchema, SaveCarerProfileRequestSchema } from '../../src/domain/carer-profile-form';
import { ChangeShortlistRequestSchema, ResolveConflictRequestSchema } from '../../src/domain/conflicts';
import { AccountStatusRequestSchema, NewAccountRequestSchema, ResetPasswordRequestSchema } from '../../src/domain/accounts';
import { CarerImportRequestSchema } from '../../src/domain/csv/carer-import-api';
import { EnrolDeviceRequestSchema } from '../../src/domain/devices';
import { TabletKeyRequestSchema } from '../../src/domain/tablet-key';
import { PushRequestSchema } from '../../src/domain/events';
import { ResolveFollowUpRequestSchema } from '../../src/domain/follow-ups';
import { PlanVisitRequestSchema } from '../../src/domain/match-runs';
import { DEFAULT_PERSON_MODE_SETTINGS } from '../../src/domain/person-mode';
import { NewPersonRequestSchema, PersonProfileFormSchema, PersonProfileViewSchema, SavePersonModeRequestSchema, SavePersonProfileRequestSchema } from '../../src/domain/person-profile-form';
import { IMPORT_BODY_LIMIT_BYTES } from '../../src/server/routes/imports';
import { DEMO_ORGANISER } from '../../src/server/seed/demo-data';
import { makeOutcomeEvent, makePush } from './server-events';
import { planRequest, runMatchAsTheApp } from './server-matching';
import type { ServerWorld } from './server-world';

export type Caller = 'admin' | 'organiser' | 'care-worker' | 'signed-out';

/** One request a JSON-body route takes, valid in every field: tests change one part of it at a time. */
export interface JsonCase {
  url: string;
  body: unknown;
}

/**
 * A route that reads a JSON body, with what makes a valid request to it now. `writes` lists the tables
 * a successful request may change; anything else changing is a finding.
 */
export interface JsonRoute {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** As in app.routeTable. */
  pattern: string;
  as: Caller;
  schema: z.ZodType;
  /** A valid request for the current state of the world (fresh ids and versions each time). */
  make(): Promise<JsonCase>;
  writes: readonly string[];
  /** Tables a refused but well-formed request may change: a wrong password is counted by the rate limiter. */
  refusalWrites?: readonly string[];
  /** When the route takes larger bodies than the server's 1 MB. */
  bodyLimit?: number;
}

/** Routes that change something without reading a JSON body: fuzzing their bodies proves nothing. */
export const ROUTES_WITHOUT_JSON_BODY = new Set([
  'DELETE /api/session',
  'DELETE /api/sessions',
  'POST /api/devices/:id/revoke',
  // tus: bodies are file bytes and the metadata is a header; test/server/media-upload.test.ts sends them hostile files.
  'POST /api/uploads',
  'PATCH /api/uploads/:id',
  'DELETE /api/uploads/:id',
]);

const CARER_CSV = 'Staff ID,First name,Gender,Drives\nE9001,Wyn,woman,no\n';

/** Every JSON-body route, with valid requests drawn from the demo organisation's real records. */
export function jsonRoutes(world: ServerWorld, cookies: Record<Exclude<Caller, 'signed-out'>, string>): JsonRoute[] {
  const { demo } = world;
  const hilda = demo.visits.Hilda!;
  const shown = ['Sam', 'Bethan', 'Grace', 'Tom'].map((name) => demo.carers[name]!);
  const get = async (url: string, cookie = cookies.organiser) => {
    const response = await world.app.inject({ method: 'GET', url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`GET ${url}: ${response.statusCode} ${response.body}`);
    return response.json() as unknown;
  };
  const personProfile = async (name: string) => {
    const id = demo.people[name]!;
    const view = PersonProfileViewSchema.parse(await get(`/api/people/${id}/profile`));
    return { url: `/api/people/${id}/profile`, body: { profile: PersonProfileFormSchema.parse(view.draft), basedOnUpdatedAt: view.updatedAt } };
  };
  const carerProfile = async (name: string) => {
    const id = demo.carers[name]!;
    const view = CarerProfileViewSchema.parse(await get(`/api/carers/${id}/profile`));
    return { url: `/api/carers/${id}/profile`, body: { profile: CarerProfileFormSchema.parse(view.draft), basedOnUpdatedAt: view.updatedAt } };
  };
  const login = { email: DEMO_ORGANISER.email, password: 'not-the-password' };

  return [
    { method: 'POST', pattern: '/api/session', as: 'signed-out', schema: LoginRequestSchema, make: async () => ({ url: '/api/session', body: login }), writes: [], refusalWrites: ['login_attempts'] },
    { method: 'POST', pattern: '/api/session/check', as: 'signed-out', schema: LoginRequestSchema, make: async () => ({ url: '/api/session/check', body: login }), writes: [], refusalWrites: ['login_attempts'] },
    {
      method: 'PUT',
      pattern: '/api/session/password',
      as: 'organiser',
      schema: ChangePasswordRequestSchema,
      // The current password is wrong, so even a valid request changes nothing.
      make: async () => ({ url: '/api/session/password', body: { currentPassword: 'not-the-password', newPassword: 'a-long-new-password' } }),
      writes: [],
      refusalWrites: ['login_attempts'],
    },
    {
      method: 'PUT',
      pattern: '/api/visits/:id/shortlist',
      as: 'organiser',
      schema: ChangeShortlistRequestSchema,
      make: async () => ({ url: `/api/visits/${hilda}/shortlist`, body: { carerIds: shown.slice(0, 3), reason: 'Tom is on leave' } }),
      writes: ['visit_candidates', 'shortlist_changes', 'visits', 'visit_conflicts'],
    },
    {
      method: 'POST',
      pattern: '/api/events',
      as: 'organiser',
      schema: PushRequestSchema,
      make: async () => ({
        url: '/api/events',
        body: makePush([
          makeOutcomeEvent(hilda, shown, {
            payload: { howDecided: { indicatedBy: 'person-by-touch', present: ['organiser', 'daughter'], supportsUsed: ['audio'], durationSeconds: 300 } },
          }),
        ]),
      }),
      writes: ['events', 'devices', 'follow_ups', 'visit_conflicts', 'visits'],
    },
    {
      method: 'POST',
      pattern: '/api/follow-ups/:id/resolve',
      as: 'organiser',
      schema: ResolveFollowUpRequestSchema,
      make: async () => ({ url: `/api/follow-ups/${randomUUID()}/resolve`, body: { note: 'Booked Sam to visit on Tuesday' } }),
      writes: ['follow_ups'],
    },
    {
      method: 'POST',
      pattern: '/api/conflicts/:id/resolve',
      as: 'organiser',
      schema: ResolveConflictRequestSchema,
      make: async () => ({ url: `/api/conflicts/${randomUUID()}/resolve`, body: { keepEventId: randomUUID(), note: 'Rang the daughter' } }),
      writes: ['visit_conflicts'],
    },
    { method: 'POST', pattern: '/api/people', as: 'organiser', schema: NewPersonRequestSchema, make: async () => ({ url: '/api/people', body: { firstName: 'Elsie' } }), writes: ['people'] },
    {
      method: 'PUT',
      pattern: '/api/people/:id/person-mode',
      as: 'organiser',
      schema: SavePersonModeRequestSchema,
      make: async () => ({ url: `/api/people/${demo.people.Peter}/person-mode`, body: { settings: { ...DEFAULT_PERSON_MODE_SETTINGS, textSize: 'larger' } } }),
      writes: ['people'],
    },
    { method: 'PUT', pattern: '/api/people/:id/profile', as: 'organiser', schema: SavePersonProfileRequestSchema, make: () => personProfile('Ruth'), writes: ['people'] },
    { method: 'POST', pattern: '/api/carers', as: 'organiser', schema: NewCarerRequestSchema, make: async () => ({ url: '/api/carers', body: { firstName: 'Wyn' } }), writes: ['carers'] },
    { method: 'PUT', pattern: '/api/carers/:id/profile', as: 'organiser', schema: SaveCarerProfileRequestSchema, make: () => carerProfile('Grace'), writes: ['carers'] },
    {
      method: 'PUT',
      pattern: '/api/carers/:id/captions',
      as: 'organiser',
      schema: CaptionsRequestSchema,
      make: async () => ({ url: `/api/carers/${demo.carers.Bethan}/captions`, body: { text: "0:00 Hello, I'm Bethan.\n0:04 I live in Cleveleys." } }),
      writes: ['carers', 'media'],
    },
    {
      method: 'POST',
      pattern: '/api/carers/:id/account',
      as: 'organiser',
      schema: NewCareWorkerAccountSchema,
      // A new carer each time, so each valid request gives someone their first account.
      make: async () => {
        const added = await world.app.inject({ method: 'POST', url: '/api/carers', headers: { cookie: cookies.organiser }, payload: { firstName: 'Wyn' } });
        const carerId = (added.json() as { id: string }).id;
        return { url: `/api/carers/${carerId}/account`, body: { name: 'Wyn Jones', email: `wyn-${randomUUID().slice(0, 8)}@demo.hearth.test`, password: 'a-first-password' } };
      },
      writes: ['users'],
    },
    {
      method: 'PUT',
      pattern: '/api/carers/:id/consent',
      as: 'care-worker',
      schema: ConsentRequestSchema,
      make: async () => ({ url: `/api/carers/${demo.carers.Sam}/consent`, body: { agreed: true } }),
      writes: ['carers', 'carer_consent_changes'],
    },
    {
      method: 'POST',
      pattern: '/api/match-runs',
      as: 'organiser',
      schema: PlanVisitRequestSchema,
      make: async () => {
        const { inputs, result } = await runMatchAsTheApp(world, cookies.organiser, demo.people.Peter!);
        return { url: '/api/match-runs', body: planRequest(inputs, result) };
      },
      writes: ['visits', 'visit_candidates', 'match_runs'],
    },
    { method: 'POST', pattern: '/api/imports/carers/preview', as: 'organiser', schema: CarerImportRequestSchema, make: async () => ({ url: '/api/imports/carers/preview', body: { csv: CARER_CSV } }), writes: [], bodyLimit: IMPORT_BODY_LIMIT_BYTES },
    { method: 'POST', pattern: '/api/imports/carers', as: 'organiser', schema: CarerImportRequestSchema, make: async () => ({ url: '/api/imports/carers', body: { csv: CARER_CSV } }), writes: ['carers'], bodyLimit: IMPORT_BODY_LIMIT_BYTES },
    {
      method: 'POST',
      pattern: '/api/accounts',
      as: 'admin',
      schema: NewAccountRequestSchema,
      make: async () => ({ url: '/api/accounts', body: { name: 'Rhys Evans', email: `rhys-${randomUUID().slice(0, 8)}@demo.hearth.test`, role: 'manager', password: 'a-first-password' } }),
      writes: ['users'],
    },
    // Another organisation's account: valid bodies are answered 404, as for an id that does not exist.
    {
      method: 'PUT',
      pattern: '/api/accounts/:id/status',
      as: 'admin',
      schema: AccountStatusRequestSchema,
      make: async () => ({ url: `/api/accounts/${world.other.userId}/status`, body: { disabled: true } }),
      writes: [],
    },
    {
      method: 'PUT',
      pattern: '/api/accounts/:id/password',
      as: 'admin',
      schema: ResetPasswordRequestSchema,
      make: async () => ({ url: `/api/accounts/${world.other.userId}/password`, body: { password: 'a-new-password-9' } }),
      writes: [],
    },
    {
      method: 'POST',
      pattern: '/api/tablet-key',
      as: 'organiser',
      schema: TabletKeyRequestSchema,
      // A wrong password: even a valid request only counts as a failed attempt.
      make: async () => ({ url: '/api/tablet-key', body: { deviceId: randomUUID(), password: 'not-the-password' } }),
      writes: ['tablet_keys'],
      refusalWrites: ['login_attempts'],
    },
    {
      method: 'POST',
      pattern: '/api/devices',
      as: 'organiser',
      schema: EnrolDeviceRequestSchema,
      make: async () => ({ url: '/api/devices', body: { deviceId: randomUUID(), label: 'Safari on iPad' } }),
      writes: ['devices'],
    },
  ];
}

/** GET routes whose query string is parsed by a shared schema, with a valid query for each. */
export const QUERY_ROUTES: readonly { pattern: string; valid: Record<string, string> }[] = [
  { pattern: '/api/conflicts', valid: { state: 'open' } },
  { pattern: '/api/follow-ups', valid: { state: 'resolved' } },
  { pattern: '/api/reports/choice', valid: { from: '2026-01-01', to: '2026-01-31' } },
  { pattern: '/api/exports/outcomes.csv', valid: { from: '2026-01-01', to: '2026-01-31' } },
  { pattern: '/api/media-jobs', valid: { uploadId: '0123456789abcdef0123456789abcdef' } },
  { pattern: '/api/reports/missing-outcomes', valid: { hours: '24' } },
];
