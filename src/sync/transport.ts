import type { z } from 'zod';
import {
  ApiErrorSchema,
  SessionInfoSchema,
  type ApiErrorCode,
  type ChangePasswordRequest,
  type LoginRequest,
  type NewCareWorkerAccount,
  type SessionInfo,
} from '../domain/api';
import { AccountListSchema, AccountSchema, type Account, type AccountList, type NewAccountRequest, type ResetPasswordRequest } from '../domain/accounts';
import { AuditPageSchema, MissingOutcomesReportSchema, type AuditPage, type AuditQuery, type MissingOutcomesReport } from '../domain/audit';
import { CaptionsRequestSchema } from '../domain/captions';
import { DeviceListSchema, DeviceViewSchema, type DeviceView, type EnrolDeviceRequest } from '../domain/devices';
import {
  PersonProfileListSchema,
  PersonProfileViewSchema,
  type NewPersonRequest,
  type PersonProfileView,
  type SavePersonModeRequest,
  type SavePersonProfileRequest,
} from '../domain/person-profile-form';
import {
  CarerListSchema,
  CarerProfileViewSchema,
  type CarerProfileView,
  type CarerSummary,
  type ConsentRequest,
  type NewCarerRequest,
  type SaveCarerProfileRequest,
} from '../domain/carer-profile-form';
import { ConflictListSchema, ResolveConflictResponseSchema, type Conflict, type ResolveConflictRequest } from '../domain/conflicts';
import { CarerImportPreviewSchema, CarerImportResultSchema, type CarerImportPreview, type CarerImportResult } from '../domain/csv/carer-import-api';
import { ChoiceReportSchema, VisitEvidenceSchema, type ChoiceReport, type DateRange, type VisitEvidence } from '../domain/evidence';
import { PushResponseSchema, type PushRequest, type PushResponse } from '../domain/events';
import {
  FollowUpListSchema,
  ResolveFollowUpResponseSchema,
  type FollowUp,
  type FollowUpState,
  type ResolveFollowUpRequest,
} from '../domain/follow-ups';
import {
  MatchInputsSchema,
  MatchRunEvidenceSchema,
  PeopleListSchema,
  PlanVisitResponseSchema,
  type MatchInputs,
  type MatchRunEvidence,
  type PersonForMatching,
  type PlanVisitRequest,
  type PlanVisitResponse,
} from '../domain/match-runs';
import { TabletKeyResponseSchema, type TabletKeyRequest, type TabletKeyResponse } from '../domain/tablet-key';
import { VisitListSchema, VisitPackSchema, type VisitPack, type VisitSummary } from '../domain/visits';
import { fileStreamOf } from './file-stream';

/** The office answered, and said no. `message` is a sentence for the organiser. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | 'unexpected-response',
    message: string,
    readonly ids: string[] = [],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** The office could not be reached at all (no signal, server down, request cut off). */
export class NetworkFailure extends Error {
  constructor(message = 'The office could not be reached. Hearth will try again when there is a connection.') {
    super(message);
    this.name = 'NetworkFailure';
  }
}

/** Everything the tablet asks of the office. The app uses HTTP; tests use an in-memory fake. */
export interface Transport {
  /** True only when the office answers its health check: connectivity is judged by this, not navigator.onLine. */
  health(): Promise<boolean>;
  login(request: LoginRequest): Promise<SessionInfo>;
  /** Whose email and password these are, without signing in (the tablet's session stays as it is). */
  checkLogin(request: LoginRequest): Promise<SessionInfo>;
  /** The office's key for this tablet's encrypted storage (data-key.ts); the password is checked again. */
  fetchTabletKey(request: TabletKeyRequest): Promise<TabletKeyResponse>;
  currentSession(): Promise<SessionInfo | null>;
  logout(): Promise<void>;
  listVisits(): Promise<VisitSummary[]>;
  fetchPack(visitId: string): Promise<VisitPack>;
  /** The file's bytes from `fromByte` on (an HTTP Range request when fromByte > 0). */
  fetchFile(sha256: string, fromByte?: number): Promise<Blob>;
  /**
   * The file's bytes from `fromByte` on, handed over as they arrive (one request; a Range request when
   * fromByte > 0), so they can be saved before the whole file is here. A range past the end is ApiFailure 416.
   */
  streamFile(sha256: string, fromByte?: number): Promise<FileStream>;
  pushEvents(request: PushRequest): Promise<PushResponse>;
  /** The people the organiser can match care workers for. */
  listPeople(): Promise<PersonForMatching[]>;
  /** The person and every care worker, as the engine's Scenario. */
  fetchMatchInputs(personId: string): Promise<MatchInputs>;
  /** Plans a home visit from a match run; the office re-runs the match and keeps the run as evidence. */
  planVisit(request: PlanVisitRequest): Promise<PlanVisitResponse>;
  /** How a visit's shortlist was made, or null when it was planned without a match run. */
  fetchMatchRun(visitId: string): Promise<MatchRunEvidence | null>;
  /** What the office must do after visits: the open ones oldest first, or the recently resolved ones newest first. */
  listFollowUps(state: FollowUpState): Promise<FollowUp[]>;
  /** Marks a follow-up done, with a note of what the office did. One already done comes back as it was. */
  resolveFollowUp(followUpId: string, request: ResolveFollowUpRequest): Promise<FollowUp>;
  /** Visits whose records disagree (tablets' answers, or an answer and a changed shortlist): open oldest first, or resolved newest first. */
  listConflicts(state: 'open' | 'resolved'): Promise<Conflict[]>;
  /** Records the office's decision on a conflict. One already resolved comes back as it was. */
  resolveConflict(conflictId: string, request: ResolveConflictRequest): Promise<Conflict>;
  /** What importing these care workers (a CSV file's text) would do, row by row, compared with the office's by Staff ID. Saves nothing. */
  previewCarerImport(csv: string): Promise<CarerImportPreview>;
  /** Imports them, all or nothing: refused (ApiFailure 400, nothing saved) if any row has a problem. */
  importCarers(csv: string): Promise<CarerImportResult>;
  /** Every care worker of the organisation, with what still stops each profile being shown (organisers). */
  listCarers(): Promise<CarerSummary[]>;
  /** Adds a care worker with only a first name (organisers). */
  addCarer(request: NewCarerRequest): Promise<CarerProfileView>;
  /** One care worker's profile, for the editor: an organiser's, or a care worker's own. */
  fetchCarerProfile(carerId: string): Promise<CarerProfileView>;
  /** Saves a complete profile over the version it was based on; a newer one is a 409 'profile-changed'. */
  saveCarerProfile(carerId: string, request: SaveCarerProfileRequest): Promise<CarerProfileView>;
  /** The care worker agrees to their profile being shown, or withdraws that (care workers only). */
  setCarerConsent(carerId: string, request: ConsentRequest): Promise<CarerProfileView>;
  /** Every person's one-page profile, and whether each is finished (organisers). */
  listPeopleProfiles(): Promise<PersonProfileView[]>;
  /** Adds a newly referred person with only a first name. */
  addPerson(request: NewPersonRequest): Promise<PersonProfileView>;
  fetchPersonProfile(personId: string): Promise<PersonProfileView>;
  /** Saves a complete profile over the version it was based on; a newer one is a 409 'profile-changed'. */
  savePersonProfile(personId: string, request: SavePersonProfileRequest): Promise<PersonProfileView>;
  /** Sets person mode for the person at the office; visit packs fetched after carry it. */
  savePersonMode(personId: string, request: SavePersonModeRequest): Promise<PersonProfileView>;
  /** Gives a care worker a login of their own (organisers). */
  addCareWorkerAccount(carerId: string, account: NewCareWorkerAccount): Promise<CarerProfileView>;
  /** Changes the signed-in user's own password; a wrong current password is an ApiFailure 400. */
  changePassword(request: ChangePasswordRequest): Promise<void>;
  /** Ends every session of the signed-in user, on every tablet and browser, this one included. */
  signOutEverywhere(): Promise<void>;
  /** The organisation's accounts, and the care workers who have none (admins). */
  listAccounts(): Promise<AccountList>;
  /** Adds a login with a first password (admins); a taken email is an ApiFailure 409. */
  addAccount(request: NewAccountRequest): Promise<Account>;
  /** Switches an account off (its sessions end at once) or back on (admins). */
  setAccountDisabled(userId: string, disabled: boolean): Promise<Account>;
  /** Gives an account a new first password and signs it out everywhere (admins). */
  resetAccountPassword(userId: string, request: ResetPasswordRequest): Promise<void>;
  /** The film's captions as typed lines ("0:05 words"), '' when there are none. */
  fetchCaptions(carerId: string): Promise<string>;
  /** Saves the captions (as WebVTT at the office); '' removes them. A bad line is an ApiFailure 400 naming it. */
  saveCaptions(carerId: string, text: string): Promise<string>;
  /** Everything the office holds about how one visit's decision was made: its printable evidence page. */
  fetchVisitEvidence(visitId: string): Promise<VisitEvidence>;
  /** The organisation's figures on choice over a date range (both days counted); a day left out takes the office's default. */
  fetchChoiceReport(range: Partial<DateRange>): Promise<ChoiceReport>;
  /** One page of the audit log, newest first, with the filters given (admins). */
  fetchAuditLog(query: AuditQuery): Promise<AuditPage>;
  /** Visits downloaded to a tablet with no outcome received `hours` after the visit (the office's default when absent). */
  fetchMissingOutcomes(hours?: number): Promise<MissingOutcomesReport>;
  /** Enrols this tablet (organisers and admins): the office sets its device token as an HttpOnly cookie. */
  enrolDevice(request: EnrolDeviceRequest): Promise<DeviceView>;
  /** The organisation's tablets, enrolled and revoked. */
  listDevices(): Promise<DeviceView[]>;
  /** Removes a lost or stolen tablet: its next contact with the office wipes it. */
  revokeDevice(deviceId: string): Promise<DeviceView>;
}

export interface HttpTransportOptions {
  /**
   * Called once the office answers 'device-revoked': this tablet was removed from the organisation and
   * must wipe itself at once (the answer is still thrown as an ApiFailure to whoever asked).
   */
  onDeviceRevoked?: () => void;
}

/** A file's bytes as they arrive from the office (see streamFile). */
export interface FileStream {
  /** Where the bytes begin in the file: the offset asked for, or 0 when the office ignored the Range and sent it all. */
  start: number;
  /** The whole file's size as the office states it, or null when it does not say. */
  totalBytes: number | null;
  /** The bytes, piece by piece. A cut or stalled connection ends it with a DownloadCutError (file-stream.ts). */
  chunks: AsyncIterable<Uint8Array<ArrayBuffer>>;
  /** Stops the response early, when the rest is not wanted. */
  cancel(): Promise<void>;
}

const HEALTH_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 30_000;
const FILE_TIMEOUT_MS = 10 * 60_000;

/**
 * `fetchImpl` lets a test give each simulated tablet its own network (cookies, offline switch);
 * the app leaves it out and uses the page's fetch, looked up at each call.
 */
export function createHttpTransport(baseUrl = '', fetchImpl?: typeof fetch, options: HttpTransportOptions = {}): Transport {
  async function send(path: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Response> {
    const { timeoutMs = REQUEST_TIMEOUT_MS, ...rest } = init;
    try {
      return await (fetchImpl ?? fetch)(`${baseUrl}${path}`, {
        credentials: 'same-origin',
        cache: 'no-store',
        ...rest,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw new NetworkFailure();
    }
  }

  async function failure(response: Response): Promise<ApiFailure> {
    const body: unknown = await response.json().catch(() => null);
    const parsed = ApiErrorSchema.safeParse(body);
    if (parsed.success) {
      const { code, message, ids } = parsed.data.error;
      // Whatever was asked, on every route: the one place a revoked tablet learns it must wipe itself.
      if (code === 'device-revoked' && response.status === 401) options.onDeviceRevoked?.();
      return new ApiFailure(response.status, code, message, ids ?? []);
    }
    return new ApiFailure(response.status, 'unexpected-response', `The office answered with an error (${response.status}).`);
  }

  async function json<S extends z.ZodType>(schema: S, path: string, init?: RequestInit): Promise<z.infer<S>> {
    const response = await send(path, init);
    if (!response.ok) throw await failure(response);
    const parsed = schema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) {
      throw new ApiFailure(response.status, 'unexpected-response', 'The office sent something Hearth does not understand.');
    }
    return parsed.data;
  }

  const jsonBody = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

  return {
    async health() {
      try {
        const response = await send('/api/health', { timeoutMs: HEALTH_TIMEOUT_MS });
        return response.ok;
      } catch {
        return false;
      }
    },
    login: (request) => json(SessionInfoSchema, '/api/session', jsonBody('POST', request)),
    checkLogin: (request) => json(SessionInfoSchema, '/api/session/check', jsonBody('POST', request)),
    fetchTabletKey: (request) => json(TabletKeyResponseSchema, '/api/tablet-key', jsonBody('POST', request)),
    async currentSession() {
      const response = await send('/api/session');
      if (response.status === 401) {
        await failure(response); // a 'device-revoked' answer still wipes the tablet
        return null;
      }
      if (!response.ok) throw await failure(response);
      const parsed = SessionInfoSchema.safeParse(await response.json().catch(() => null));
      return parsed.success ? parsed.data : null;
    },
    async logout() {
      const response = await send('/api/session', { method: 'DELETE' });
      if (response.status === 401) await failure(response); // signed out already, or the tablet was revoked (which wipes it)
      else if (!response.ok) throw await failure(response);
    },
    listVisits: async () => (await json(VisitListSchema, '/api/visits')).visits,
    fetchPack: (visitId) => json(VisitPackSchema, `/api/visits/${encodeURIComponent(visitId)}/pack`),
    async fetchFile(sha256, fromByte = 0) {
      const headers: HeadersInit = fromByte > 0 ? { range: `bytes=${fromByte}-` } : {};
      const response = await send(`/api/media/${encodeURIComponent(sha256)}`, { headers, timeoutMs: FILE_TIMEOUT_MS });
      if (!response.ok) throw await failure(response);
      if (fromByte > 0 && response.status !== 206) {
        throw new ApiFailure(response.status, 'unexpected-response', 'The office did not resume the download.');
      }
      try {
        return await response.blob();
      } catch {
        throw new NetworkFailure('The download was cut off. Hearth will carry on from where it stopped.');
      }
    },
    async streamFile(sha256, fromByte = 0) {
      const headers: HeadersInit = fromByte > 0 ? { range: `bytes=${fromByte}-` } : {};
      const response = await send(`/api/media/${encodeURIComponent(sha256)}`, { headers, timeoutMs: FILE_TIMEOUT_MS });
      if (!response.ok) throw await failure(response);
      return fileStreamOf(response);
    },
    pushEvents: (request) => json(PushResponseSchema, '/api/events', jsonBody('POST', request)),
    listPeople: async () => (await json(PeopleListSchema, '/api/people')).people,
    fetchMatchInputs: (personId) => json(MatchInputsSchema, `/api/people/${encodeURIComponent(personId)}/match-inputs`),
    planVisit: (request) => json(PlanVisitResponseSchema, '/api/match-runs', jsonBody('POST', request)),
    async fetchMatchRun(visitId) {
      try {
        return await json(MatchRunEvidenceSchema, `/api/visits/${encodeURIComponent(visitId)}/match-run`);
      } catch (error) {
        if (error instanceof ApiFailure && error.status === 404) return null;
        throw error;
      }
    },
    listConflicts: async (state) => (await json(ConflictListSchema, `/api/conflicts?state=${encodeURIComponent(state)}`)).conflicts,
    resolveConflict: async (conflictId, request) =>
      (await json(ResolveConflictResponseSchema, `/api/conflicts/${encodeURIComponent(conflictId)}/resolve`, jsonBody('POST', request))).conflict,
    previewCarerImport: (csv) => json(CarerImportPreviewSchema, '/api/imports/carers/preview', jsonBody('POST', { csv })),
    importCarers: (csv) => json(CarerImportResultSchema, '/api/imports/carers', jsonBody('POST', { csv })),
    fetchVisitEvidence: (visitId) => json(VisitEvidenceSchema, `/api/visits/${encodeURIComponent(visitId)}/evidence`),
    fetchChoiceReport(range) {
      const query = new URLSearchParams(Object.entries(range).filter((entry): entry is [string, string] => entry[1] !== undefined));
      return json(ChoiceReportSchema, `/api/reports/choice${query.size > 0 ? `?${query}` : ''}`);
    },
    fetchAuditLog(filters) {
      const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
      return json(AuditPageSchema, `/api/audit${query.size > 0 ? `?${query}` : ''}`);
    },
    fetchMissingOutcomes: (hours) => json(MissingOutcomesReportSchema, `/api/reports/missing-outcomes${hours === undefined ? '' : `?hours=${hours}`}`),
    listCarers: async () => (await json(CarerListSchema, '/api/carers')).carers,
    addCarer: (request) => json(CarerProfileViewSchema, '/api/carers', jsonBody('POST', request)),
    fetchCarerProfile: (carerId) => json(CarerProfileViewSchema, `/api/carers/${encodeURIComponent(carerId)}/profile`),
    saveCarerProfile: (carerId, request) => json(CarerProfileViewSchema, `/api/carers/${encodeURIComponent(carerId)}/profile`, jsonBody('PUT', request)),
    setCarerConsent: (carerId, request) => json(CarerProfileViewSchema, `/api/carers/${encodeURIComponent(carerId)}/consent`, jsonBody('PUT', request)),
    listPeopleProfiles: async () => (await json(PersonProfileListSchema, '/api/people/profiles')).people,
    addPerson: (request) => json(PersonProfileViewSchema, '/api/people', jsonBody('POST', request)),
    fetchPersonProfile: (personId) => json(PersonProfileViewSchema, `/api/people/${encodeURIComponent(personId)}/profile`),
    savePersonProfile: (personId, request) =>
      json(PersonProfileViewSchema, `/api/people/${encodeURIComponent(personId)}/profile`, jsonBody('PUT', request)),
    savePersonMode: (personId, request) => json(PersonProfileViewSchema, `/api/people/${encodeURIComponent(personId)}/person-mode`, jsonBody('PUT', request)),
    addCareWorkerAccount: (carerId, account) => json(CarerProfileViewSchema, `/api/carers/${encodeURIComponent(carerId)}/account`, jsonBody('POST', account)),
    async changePassword(request) {
      const response = await send('/api/session/password', jsonBody('PUT', request));
      if (!response.ok) throw await failure(response);
    },
    async signOutEverywhere() {
      const response = await send('/api/sessions', { method: 'DELETE' });
      if (!response.ok && response.status !== 401) throw await failure(response);
    },
    listAccounts: () => json(AccountListSchema, '/api/accounts'),
    addAccount: (request) => json(AccountSchema, '/api/accounts', jsonBody('POST', request)),
    setAccountDisabled: (userId, disabled) => json(AccountSchema, `/api/accounts/${encodeURIComponent(userId)}/status`, jsonBody('PUT', { disabled })),
    async resetAccountPassword(userId, request) {
      const response = await send(`/api/accounts/${encodeURIComponent(userId)}/password`, jsonBody('PUT', request));
      if (!response.ok) throw await failure(response);
    },
    fetchCaptions: async (carerId) => (await json(CaptionsRequestSchema, `/api/carers/${encodeURIComponent(carerId)}/captions`)).text,
    saveCaptions: async (carerId, text) =>
      (await json(CaptionsRequestSchema, `/api/carers/${encodeURIComponent(carerId)}/captions`, jsonBody('PUT', { text }))).text,
    enrolDevice: (request) => json(DeviceViewSchema, '/api/devices', jsonBody('POST', request)),
    listDevices: async () => (await json(DeviceListSchema, '/api/devices')).devices,
    revokeDevice: (deviceId) => json(DeviceViewSchema, `/api/devices/${encodeURIComponent(deviceId)}/revoke`, jsonBody('POST', {})),
    listFollowUps: async (state) => (await json(FollowUpListSchema, `/api/follow-ups?state=${encodeURIComponent(state)}`)).followUps,
    resolveFollowUp: async (followUpId, request) =>
      (await json(ResolveFollowUpResponseSchema, `/api/follow-ups/${encodeURIComponent(followUpId)}/resolve`, jsonBody('POST', request))).followUp,
  };
}
