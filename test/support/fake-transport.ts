import {
  AccountStatusRequestSchema,
  NewAccountRequestSchema,
  ResetPasswordRequestSchema,
  type Account,
  type AccountList,
  type NewAccountRequest,
  type ResetPasswordRequest,
} from '../../src/domain/accounts';
import { AUDIT_PAGE_SIZE, type AuditEntry, type AuditPage, type AuditQuery, type MissingOutcome, type MissingOutcomesReport } from '../../src/domain/audit';
import { parseCaptionLines } from '../../src/domain/captions';
import {
  NewPersonRequestSchema,
  SavePersonModeRequestSchema,
  SavePersonProfileRequestSchema,
  type NewPersonRequest,
  type PersonProfileView,
  type SavePersonModeRequest,
  type SavePersonProfileRequest,
} from '../../src/domain/person-profile-form';
import { DEFAULT_PERSON_MODE_SETTINGS } from '../../src/domain/person-mode';
import {
  NewCarerRequestSchema,
  SaveCarerProfileRequestSchema,
  showBlockers,
  type CarerProfileView,
  type CarerSummary,
  type ConsentRequest,
  type NewCarerRequest,
  type SaveCarerProfileRequest,
} from '../../src/domain/carer-profile-form';
import { ResolveConflictRequestSchema, type Conflict, type ResolveConflictRequest } from '../../src/domain/conflicts';
import { checkCarerImport, previewOf, type ExistingCarer } from '../../src/domain/csv/carer-import';
import type { CarerImportPreview, CarerImportResult } from '../../src/domain/csv/carer-import-api';
import {
  computeChoiceReport,
  dateRangeProblem,
  londonDateOf,
  reportRangeOf,
  type ChoiceReport,
  type DateRange,
  type ReportVisit,
  type VisitEvidence,
} from '../../src/domain/evidence';
import { EnrolDeviceRequestSchema, type DeviceView, type EnrolDeviceRequest } from '../../src/domain/devices';
import { canonicalJson, type HearthEvent, type OutcomeRecorded, type PushRequest, type PushResponse } from '../../src/domain/events';
import {
  ChangePasswordRequestSchema,
  NewCareWorkerAccountSchema,
  type ChangePasswordRequest,
  type LoginRequest,
  type NewCareWorkerAccount,
  type SessionInfo,
} from '../../src/domain/api';
import { ResolveFollowUpRequestSchema, type FollowUp, type FollowUpState, type ResolveFollowUpRequest } from '../../src/domain/follow-ups';
import {
  MATCH_CHANGED_MESSAGE,
  type MatchInputs,
  type MatchRunEvidence,
  type PersonForMatching,
  type PlanVisitRequest,
  type PlanVisitResponse,
} from '../../src/domain/match-runs';
import { rankCarers } from '../../src/domain/matching/rank-carers';
import { describeShortlistProblem, passedOverCarers, sameMatch, seenOf, shortlistProblems } from '../../src/domain/shortlist-rules';
import type { TabletKeyRequest, TabletKeyResponse } from '../../src/domain/tablet-key';
import type { VisitPack, VisitSummary } from '../../src/domain/visits';
import { ApiFailure, NetworkFailure, type FileStream, type Transport } from '../../src/sync/transport';
import { fakeFileStream } from './fake-file-stream';
import { makeCarerProfileView, makeSession, summaryOf, testId, type TestFile } from './factories';
import type { TestMatching } from './matching-factories';

/** A carer new to the office has none of the facts a file leaves out. */
const EMPTY_IMPORT_FACTS = { gender: null, drives: null, baseArea: null, base: null, travelKm: null, skills: [], languages: [], availability: [] };

/**
 * An in-memory office with the server's rules (the same id twice is stored once; the same id with
 * other content is a 409) and switches for going offline, losing answers and corrupting files.
 */
export class FakeOffice implements Transport {
  online = true;
  signedIn = true;
  /** The next N pushes are committed but their answer is lost, as when a connection drops. */
  dropAnswers = 0;
  /** When set, a push it returns a failure for is refused with it, before anything is stored. */
  refusePush: ((request: PushRequest) => ApiFailure | null) | null = null;
  /** Files whose bytes arrive damaged (one byte flipped), by sha256. */
  corrupt = new Set<string>();
  readonly stored = new Map<string, { event: HearthEvent; hash: string }>();
  readonly pushes: PushRequest[] = [];
  readonly fileFetches: string[] = [];
  readonly packs = new Map<string, VisitPack>();
  readonly files = new Map<string, Uint8Array<ArrayBuffer>>();
  session: SessionInfo = makeSession();
  password = 'hearth-demo';
  /** People the office can match carers for, by person id. Change a scenario to make the office's re-run disagree. */
  readonly matchings = new Map<string, TestMatching>();
  /** Every visit planned from a match run, as the office accepted it. */
  readonly plannedVisits: PlanVisitRequest[] = [];
  readonly matchRuns = new Map<string, MatchRunEvidence>();
  /** The office's follow-ups, by id: add them with makeFollowUp. */
  readonly followUps = new Map<string, FollowUp>();
  /** When set, resolving a follow-up is refused with this, as the office would (and nothing changes). */
  resolveFailure: ApiFailure | null = null;
  /** The office's clock, for when a follow-up is resolved. */
  now = () => new Date('2026-11-25T10:45:00.000Z');

  addPack(pack: VisitPack, files: TestFile[]): void {
    this.packs.set(pack.visit.id, pack);
    for (const f of files) this.files.set(f.file.sha256, f.bytes);
  }

  private reach(): void {
    if (!this.online) throw new NetworkFailure();
  }

  private signedInOrThrow(): void {
    this.reach();
    if (!this.signedIn) throw new ApiFailure(401, 'not-signed-in', 'Please sign in.');
  }

  async health(): Promise<boolean> {
    return this.online;
  }

  async login(request: LoginRequest): Promise<SessionInfo> {
    this.reach();
    if (request.password !== this.password) {
      throw new ApiFailure(401, 'wrong-login', "That email and password don't match. Check them and try again.");
    }
    this.signedIn = true;
    return this.session;
  }

  /** Logins checked without signing in (for resetting the person-mode PIN). */
  readonly loginChecks: LoginRequest[] = [];

  async checkLogin(request: LoginRequest): Promise<SessionInfo> {
    this.reach();
    this.loginChecks.push(structuredClone(request));
    if (request.password !== this.password) {
      throw new ApiFailure(401, 'wrong-login', "That email and password don't match. Check them and try again.");
    }
    return structuredClone(this.session);
  }

  /** The office's key for each tablet (made on first request, as the server does), by device id. */
  readonly tabletKeys = new Map<string, string>();

  async fetchTabletKey(request: TabletKeyRequest): Promise<TabletKeyResponse> {
    this.reach();
    if (!this.signedIn) throw new ApiFailure(401, 'not-signed-in', 'You are not signed in. Sign in and try again.');
    // As the office: only the roles that take visits out on a tablet have a tablet key (routes/tablet-key.ts).
    if (!['organiser', 'admin'].includes(this.session.user.role)) throw new ApiFailure(403, 'not-allowed', 'Your account cannot do this. Ask an organiser in your office.');
    if (request.password !== this.password) throw new ApiFailure(401, 'wrong-login', 'That is not your password. Check it and try again.');
    let keyHex = this.tabletKeys.get(request.deviceId);
    if (!keyHex) {
      keyHex = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
      this.tabletKeys.set(request.deviceId, keyHex);
    }
    return { keyHex };
  }

  async currentSession(): Promise<SessionInfo | null> {
    this.reach();
    return this.signedIn ? this.session : null;
  }

  async logout(): Promise<void> {
    this.reach();
    this.signedIn = false;
  }

  async listVisits(): Promise<VisitSummary[]> {
    this.signedInOrThrow();
    return [...this.packs.values()].map((pack) => {
      const events = [...this.stored.values()].map((s) => s.event).filter((e) => e.visitId === pack.visit.id);
      const withdrawn = new Set(events.flatMap((e) => (e.type === 'OutcomeWithdrawn' ? [e.payload.withdrawsEventId] : [])));
      const decided = events
        .filter((e): e is OutcomeRecorded => e.type === 'OutcomeRecorded' && !withdrawn.has(e.id))
        .map((event) => ({ event }))
        .at(-1);
      const openConflicts = [...this.conflicts.values()].filter((c) => c.visitId === pack.visit.id && c.resolvedAt === null).length;
      if (!decided) return summaryOf(pack, { openConflicts });
      const chosen = pack.candidates.find((c) => c.id === decided.event.payload.chosenCarerId);
      return summaryOf(pack, {
        openConflicts,
        decision: {
          eventId: decided.event.id,
          outcome: decided.event.payload.outcome,
          chosenCarerFirstName: chosen?.firstName ?? null,
          decidedAt: decided.event.occurredAt,
          receivedAt: decided.event.occurredAt,
          deviceId: decided.event.deviceId,
          deviceLabel: 'Test tablet',
        },
      });
    });
  }

  async fetchPack(visitId: string): Promise<VisitPack> {
    this.signedInOrThrow();
    const pack = this.packs.get(visitId);
    if (!pack) throw new ApiFailure(404, 'not-found', 'That visit was not found.');
    return structuredClone(pack);
  }

  async fetchFile(sha256: string, fromByte = 0): Promise<Blob> {
    this.signedInOrThrow();
    this.fileFetches.push(sha256);
    const bytes = this.files.get(sha256);
    if (!bytes) throw new ApiFailure(404, 'not-found', 'That file was not found.');
    const copy = bytes.slice(fromByte);
    if (this.corrupt.has(sha256) && copy.length > 0) copy[0] = copy[0]! ^ 0xff;
    return new Blob([copy]);
  }

  /** Every streamed file request: which file, from which byte. */
  readonly fileRequests: { sha256: string; fromByte: number }[] = [];

  async streamFile(sha256: string, fromByte = 0): Promise<FileStream> {
    this.signedInOrThrow();
    this.fileFetches.push(sha256);
    this.fileRequests.push({ sha256, fromByte });
    const bytes = this.files.get(sha256);
    if (!bytes) throw new ApiFailure(404, 'not-found', 'That file was not found.');
    return this.answerFile(sha256, bytes, fromByte);
  }

  /** The office's answer to a file request, as the media route gives it; test/support/flaky-file-office.ts misbehaves here. */
  protected answerFile(sha256: string, bytes: Uint8Array<ArrayBuffer>, fromByte: number): FileStream {
    if (fromByte > 0 && fromByte >= bytes.length) throw new ApiFailure(416, 'range-not-satisfiable', 'That part of the file does not exist.');
    const copy = bytes.slice(fromByte);
    if (this.corrupt.has(sha256) && copy.length > 0) copy[0] = copy[0]! ^ 0xff;
    return fakeFileStream(copy, { status: fromByte > 0 ? 206 : 200, start: fromByte, totalBytes: bytes.length });
  }

  async pushEvents(request: PushRequest): Promise<PushResponse> {
    this.signedInOrThrow();
    this.pushes.push(structuredClone(request));
    const refusal = this.refusePush?.(request);
    if (refusal) throw refusal;
    const conflicts = request.events.filter((e) => {
      const existing = this.stored.get(e.id);
      return existing !== undefined && existing.hash !== canonicalJson(e);
    });
    if (conflicts.length > 0) {
      throw new ApiFailure(409, 'conflicting-event', 'This record clashes with one the office already has.', conflicts.map((e) => e.id));
    }
    const results = request.events.map((event) => {
      if (this.stored.has(event.id)) return { id: event.id, status: 'already-stored' as const };
      this.stored.set(event.id, { event: structuredClone(event), hash: canonicalJson(event) });
      return { id: event.id, status: 'stored' as const };
    });
    if (this.dropAnswers > 0) {
      this.dropAnswers -= 1;
      throw new NetworkFailure('The connection dropped before the office answered.');
    }
    return { results };
  }

  addMatching(matching: TestMatching): void {
    this.matchings.set(matching.person.id, matching);
  }

  async listPeople(): Promise<PersonForMatching[]> {
    this.signedInOrThrow();
    return [...this.matchings.values()].map((m) => structuredClone(m.person));
  }

  async fetchMatchInputs(personId: string): Promise<MatchInputs> {
    this.signedInOrThrow();
    const matching = this.matchings.get(personId);
    if (!matching) throw new ApiFailure(404, 'not-found', 'There is no such person. Choose them again from the list.');
    return structuredClone({ person: matching.person, scenario: matching.scenario, notShowable: [] });
  }

  /** The server's rules: re-run, compare, check the shortlist, then plan the visit with a pack the tablet can download. */
  async planVisit(request: PlanVisitRequest): Promise<PlanVisitResponse> {
    this.signedInOrThrow();
    const matching = this.matchings.get(request.personId);
    if (!matching) throw new ApiFailure(404, 'not-found', 'personId: there is no such person.');
    const result = rankCarers(matching.scenario.person, matching.scenario.staff);
    if (!sameMatch(seenOf(result), request.seen)) throw new ApiFailure(409, 'match-changed', MATCH_CHANGED_MESSAGE);
    const problems = shortlistProblems(result, request.shortlist, request.passedOver);
    if (problems.length > 0) throw new ApiFailure(400, 'invalid-request', problems.map(describeShortlistProblem).join(' '));

    const visitId = testId();
    const candidates = request.shortlist.map((id) => matching.carers.find((c) => c.id === id)!);
    const refs = new Set(candidates.flatMap((c) => [c.photo, c.film]));
    const files = matching.files.filter((f) => refs.has(f.file.sha256));
    const { firstName } = matching.person;
    this.addPack(
      {
        visit: { id: visitId, personId: request.personId, personFirstName: firstName, plannedAt: request.plannedAt, place: request.place },
        person: matching.personProfile,
        candidates,
        files: files.map((f) => f.file),
      },
      files,
    );
    this.plannedVisits.push(structuredClone(request));
    const rankOf = (id: string) => result.ranked.find((c) => c.id === id)!;
    const reasons = new Map(request.passedOver.map((p) => [p.carerId, p.reason]));
    const matchRunId = testId();
    this.matchRuns.set(visitId, {
      matchRunId,
      visitId,
      personFirstName: firstName,
      runBy: this.session.user.name,
      runAt: '2026-11-25T10:20:00.000Z',
      funnel: result.funnel,
      shortlist: request.shortlist.map((id) => ({ carerId: id, name: rankOf(id).name, rank: rankOf(id).rank })),
      passedOver: passedOverCarers(result.ranked, request.shortlist).map((c) => ({
        carerId: c.id,
        name: c.name,
        rank: c.rank,
        reason: reasons.get(c.id)!,
      })),
    });
    return { visitId, matchRunId };
  }

  async fetchMatchRun(visitId: string): Promise<MatchRunEvidence | null> {
    this.signedInOrThrow();
    return structuredClone(this.matchRuns.get(visitId) ?? null);
  }

  /** The office's care workers that came from the rota, as a carer import compares them by Staff ID. */
  readonly carersByStaffId: ExistingCarer[] = [];
  /** Every carer file the office was asked to preview, and every one it was asked to import. */
  readonly carerImportPreviews: string[] = [];
  readonly carerImports: string[] = [];

  /** The server's rules (the same pure check): what the import would do, saving nothing. */
  async previewCarerImport(csv: string): Promise<CarerImportPreview> {
    this.signedInOrThrow();
    this.carerImportPreviews.push(csv);
    return previewOf(checkCarerImport(csv, this.carersByStaffId));
  }

  /** The server's rules: checked again, refused whole if any row has a problem, else every row saved. */
  async importCarers(csv: string): Promise<CarerImportResult> {
    this.signedInOrThrow();
    this.carerImports.push(csv);
    const check = checkCarerImport(csv, this.carersByStaffId);
    const problems = [...check.fileErrors, ...check.rows.flatMap((r) => r.errors.map((e) => e.message))];
    if (problems.length > 0) throw new ApiFailure(400, 'invalid-request', `Nothing was imported. ${problems.join(' ')}`);
    for (const row of check.rows) {
      const existing = this.carersByStaffId.find((c) => c.staffId === row.staffId);
      if (existing) Object.assign(existing.facts, row.facts);
      else this.carersByStaffId.push({ id: testId(), staffId: row.staffId, facts: { ...EMPTY_IMPORT_FACTS, ...row.facts } as ExistingCarer['facts'] });
    }
    const count = (action: string) => check.rows.filter((r) => r.action === action).length;
    return { added: count('add'), updated: count('update'), unchanged: count('unchanged') };
  }

  addFollowUp(followUp: FollowUp): void {
    this.followUps.set(followUp.id, structuredClone(followUp));
  }

  /** Conflicts the office holds, by id (tests add them directly, as the server would raise them). */
  conflicts = new Map<string, Conflict>();

  async listConflicts(state: 'open' | 'resolved'): Promise<Conflict[]> {
    this.signedInOrThrow();
    const all = [...this.conflicts.values()].map((c) => structuredClone(c));
    if (state === 'open') return all.filter((c) => c.resolvedAt === null).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return all.filter((c) => c.resolvedAt !== null).sort((a, b) => b.resolvedAt!.localeCompare(a.resolvedAt!));
  }

  /** The server's rules: two answers need the one kept; a note is required; one already resolved stays as it was. */
  async resolveConflict(conflictId: string, request: ResolveConflictRequest): Promise<Conflict> {
    this.signedInOrThrow();
    const { keepEventId, note } = ResolveConflictRequestSchema.parse(request);
    const conflict = this.conflicts.get(conflictId);
    if (!conflict) throw new ApiFailure(404, 'not-found', 'There is no such conflict. Refresh the list.');
    const ids = conflict.answers.map((a) => a.eventId);
    if (conflict.kind === 'different-outcomes' && (!keepEventId || !ids.includes(keepEventId))) {
      throw new ApiFailure(400, 'invalid-request', 'keepEventId: say which of the two answers stands.');
    }
    if (conflict.resolvedAt === null) {
      Object.assign(conflict, { resolvedAt: this.now().toISOString(), resolvedByName: this.session.user.name, keptEventId: keepEventId ?? null, note });
    }
    return structuredClone(conflict);
  }

  async listFollowUps(state: FollowUpState): Promise<FollowUp[]> {
    this.signedInOrThrow();
    const all = [...this.followUps.values()].map((f) => structuredClone(f));
    if (state === 'open') return all.filter((f) => f.resolvedAt === null).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return all.filter((f) => f.resolvedAt !== null).sort((a, b) => b.resolvedAt!.localeCompare(a.resolvedAt!));
  }

  /** The server's rules: a strict, trimmed note; unknown ids are a 404; one already resolved stays as it was. */
  async resolveFollowUp(followUpId: string, request: ResolveFollowUpRequest): Promise<FollowUp> {
    this.signedInOrThrow();
    if (this.resolveFailure) throw this.resolveFailure;
    const { note } = ResolveFollowUpRequestSchema.parse(request);
    const followUp = this.followUps.get(followUpId);
    if (!followUp) throw new ApiFailure(404, 'not-found', 'There is no such follow-up. Refresh the list of follow-ups.');
    if (followUp.resolvedAt === null) {
      Object.assign(followUp, { resolvedAt: this.now().toISOString(), resolvedByName: this.session.user.name, note: note || null });
    }
    return structuredClone(followUp);
  }

  /** The organisation's care workers' profiles, by carer id: add them with makeCarerProfileView. */
  readonly carerProfiles = new Map<string, CarerProfileView>();
  /** Every profile save the office accepted, in order. */
  readonly profileSaves: { carerId: string; request: SaveCarerProfileRequest }[] = [];

  async listCarers(): Promise<CarerSummary[]> {
    this.signedInOrThrow();
    return [...this.carerProfiles.values()]
      .map((v) => ({ id: v.id, firstName: v.draft.firstName ?? '', externalRef: null, blockers: v.blockers, hasAccount: false, updatedAt: v.updatedAt }))
      .sort((a, b) => a.firstName.localeCompare(b.firstName));
  }

  async addCarer(request: NewCarerRequest): Promise<CarerProfileView> {
    this.signedInOrThrow();
    const { firstName } = NewCarerRequestSchema.parse(request);
    const view = makeCarerProfileView({ id: testId(), draft: { firstName }, profileComplete: false, photo: null, film: null, poster: null, captions: null, consentGivenAt: null });
    this.carerProfiles.set(view.id, view);
    return structuredClone(view);
  }

  async fetchCarerProfile(carerId: string): Promise<CarerProfileView> {
    this.signedInOrThrow();
    const view = this.carerProfiles.get(carerId);
    if (!view) throw new ApiFailure(404, 'not-found', 'There is no such care worker. Choose them again from the list.');
    return structuredClone(view);
  }

  /** The server's rules: the shared schema, then the version check; either refusal changes nothing. */
  async saveCarerProfile(carerId: string, request: SaveCarerProfileRequest): Promise<CarerProfileView> {
    this.signedInOrThrow();
    const view = this.carerProfiles.get(carerId);
    if (!view) throw new ApiFailure(404, 'not-found', 'There is no such care worker. Choose them again from the list.');
    const parsed = SaveCarerProfileRequestSchema.safeParse(request);
    if (!parsed.success) throw new ApiFailure(400, 'invalid-request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    if (parsed.data.basedOnUpdatedAt !== view.updatedAt) {
      throw new ApiFailure(409, 'profile-changed', 'Someone else saved this profile after you opened it. What you typed is kept here: look at the saved one, then save again.');
    }
    this.profileSaves.push({ carerId, request: structuredClone(request) });
    const saved: CarerProfileView = { ...view, draft: parsed.data.profile, profileComplete: true, updatedAt: this.now().toISOString() };
    saved.blockers = showBlockers(saved);
    this.carerProfiles.set(carerId, saved);
    return structuredClone(saved);
  }

  /** People's one-page profiles, by person id. */
  readonly personProfiles = new Map<string, PersonProfileView>();
  readonly personSaves: { personId: string; request: SavePersonProfileRequest }[] = [];

  async listPeopleProfiles(): Promise<PersonProfileView[]> {
    this.signedInOrThrow();
    return [...this.personProfiles.values()].map((v) => structuredClone(v)).sort((a, b) => (a.draft.firstName ?? '').localeCompare(b.draft.firstName ?? ''));
  }

  async addPerson(request: NewPersonRequest): Promise<PersonProfileView> {
    this.signedInOrThrow();
    const { firstName } = NewPersonRequestSchema.parse(request);
    const view: PersonProfileView = {
      id: testId(),
      draft: { firstName },
      profileComplete: false,
      personMode: { ...DEFAULT_PERSON_MODE_SETTINGS, descriptionFirst: true },
      updatedAt: this.now().toISOString(),
    };
    this.personProfiles.set(view.id, view);
    return structuredClone(view);
  }

  async fetchPersonProfile(personId: string): Promise<PersonProfileView> {
    this.signedInOrThrow();
    const view = this.personProfiles.get(personId);
    if (!view) throw new ApiFailure(404, 'not-found', 'There is no such person. Choose them again from the list.');
    return structuredClone(view);
  }

  /** The server's rules: the shared schema, then the version check; either refusal changes nothing. */
  async savePersonProfile(personId: string, request: SavePersonProfileRequest): Promise<PersonProfileView> {
    this.signedInOrThrow();
    const view = this.personProfiles.get(personId);
    if (!view) throw new ApiFailure(404, 'not-found', 'There is no such person. Choose them again from the list.');
    const parsed = SavePersonProfileRequestSchema.safeParse(request);
    if (!parsed.success) throw new ApiFailure(400, 'invalid-request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    if (parsed.data.basedOnUpdatedAt !== view.updatedAt) {
      throw new ApiFailure(409, 'profile-changed', 'Someone else saved this profile after you opened it. What you typed is kept here: look at the saved one, then save again.');
    }
    this.personSaves.push({ personId, request: structuredClone(request) });
    const saved: PersonProfileView = { ...view, draft: parsed.data.profile, profileComplete: true, updatedAt: this.now().toISOString() };
    this.personProfiles.set(personId, saved);
    return structuredClone(saved);
  }

  /** Accounts given to care workers, and password changes, as the office took them. */
  readonly accountsMade: { carerId: string; account: NewCareWorkerAccount }[] = [];
  readonly passwordChanges: ChangePasswordRequest[] = [];

  async addCareWorkerAccount(carerId: string, account: NewCareWorkerAccount): Promise<CarerProfileView> {
    this.signedInOrThrow();
    const view = this.carerProfiles.get(carerId);
    if (!view) throw new ApiFailure(404, 'not-found', 'There is no such care worker. Choose them again from the list.');
    const parsed = NewCareWorkerAccountSchema.safeParse(account);
    if (!parsed.success) throw new ApiFailure(400, 'invalid-request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    if (view.hasAccount) throw new ApiFailure(409, 'invalid-request', 'This care worker already has an account.');
    this.accountsMade.push({ carerId, account: parsed.data });
    const changed = { ...view, hasAccount: true };
    this.carerProfiles.set(carerId, changed);
    return structuredClone(changed);
  }

  async changePassword(request: ChangePasswordRequest): Promise<void> {
    this.signedInOrThrow();
    const { currentPassword, newPassword } = ChangePasswordRequestSchema.parse(request);
    if (currentPassword !== this.password) throw new ApiFailure(400, 'wrong-login', 'That is not your current password. Nothing was changed.');
    this.passwordChanges.push(structuredClone(request));
    this.password = newPassword;
  }

  /** How often "Sign out everywhere" was asked for. */
  signOutsEverywhere = 0;

  async signOutEverywhere(): Promise<void> {
    this.signedInOrThrow();
    this.signOutsEverywhere += 1;
    this.signedIn = false;
  }

  /** The organisation's accounts as the admin sees them (tests add them), and carers with none. */
  accounts: Account[] = [];
  carersWithoutAccount: AccountList['carersWithoutAccount'] = [];
  /** New passwords set by an admin, by user id. */
  readonly passwordResets: { userId: string; password: string }[] = [];

  async listAccounts(): Promise<AccountList> {
    this.signedInOrThrow();
    return structuredClone({ accounts: this.accounts, carersWithoutAccount: this.carersWithoutAccount });
  }

  /** The server's rules: the shared schema, then one account per email and per carer. */
  async addAccount(request: NewAccountRequest): Promise<Account> {
    this.signedInOrThrow();
    const parsed = NewAccountRequestSchema.safeParse(request);
    if (!parsed.success) throw new ApiFailure(400, 'invalid-request', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    if (this.accounts.some((a) => a.email === parsed.data.email)) throw new ApiFailure(409, 'invalid-request', 'Someone already signs in with that email address. Use another.');
    const carer = this.carersWithoutAccount.find((c) => c.id === parsed.data.carerId);
    const account: Account = {
      id: testId(),
      name: parsed.data.name,
      email: parsed.data.email,
      role: parsed.data.role,
      carerId: carer?.id ?? null,
      carerFirstName: carer?.firstName ?? null,
      disabledAt: null,
      createdAt: this.now().toISOString(),
    };
    this.accounts.push(account);
    this.carersWithoutAccount = this.carersWithoutAccount.filter((c) => c.id !== carer?.id);
    return structuredClone(account);
  }

  async setAccountDisabled(userId: string, disabled: boolean): Promise<Account> {
    this.signedInOrThrow();
    AccountStatusRequestSchema.parse({ disabled });
    const account = this.accounts.find((a) => a.id === userId);
    if (!account) throw new ApiFailure(404, 'not-found', 'There is no such account. Refresh the list of accounts.');
    if (disabled && userId === this.session.user.id) throw new ApiFailure(403, 'not-allowed', 'You cannot switch off your own account. Ask another admin.');
    account.disabledAt = disabled ? (account.disabledAt ?? this.now().toISOString()) : null;
    return structuredClone(account);
  }

  async resetAccountPassword(userId: string, request: ResetPasswordRequest): Promise<void> {
    this.signedInOrThrow();
    const { password } = ResetPasswordRequestSchema.parse(request);
    if (!this.accounts.some((a) => a.id === userId)) throw new ApiFailure(404, 'not-found', 'There is no such account. Refresh the list of accounts.');
    this.passwordResets.push({ userId, password });
  }

  async savePersonMode(personId: string, request: SavePersonModeRequest): Promise<PersonProfileView> {
    this.signedInOrThrow();
    const view = this.personProfiles.get(personId);
    if (!view) throw new ApiFailure(404, 'not-found', 'There is no such person. Choose them again from the list.');
    const { settings } = SavePersonModeRequestSchema.parse(request);
    const changed = { ...view, personMode: { ...settings, descriptionFirst: settings.descriptionFirst ?? view.personMode.descriptionFirst } };
    this.personProfiles.set(personId, changed);
    return structuredClone(changed);
  }

  /** Each carer's captions as typed, by carer id. */
  readonly captions = new Map<string, string>();

  async fetchCaptions(carerId: string): Promise<string> {
    this.signedInOrThrow();
    if (!this.carerProfiles.has(carerId)) throw new ApiFailure(404, 'not-found', 'There is no such care worker. Choose them again from the list.');
    return this.captions.get(carerId) ?? '';
  }

  /** The server's rules: every line is checked first, and a bad one saves nothing. */
  async saveCaptions(carerId: string, text: string): Promise<string> {
    this.signedInOrThrow();
    if (!this.carerProfiles.has(carerId)) throw new ApiFailure(404, 'not-found', 'There is no such care worker. Choose them again from the list.');
    const parsed = parseCaptionLines(text);
    if ('problems' in parsed) throw new ApiFailure(400, 'invalid-request', `The captions are not saved. ${parsed.problems.slice(0, 3).join(' ')}`);
    this.captions.set(carerId, text.trim());
    return text.trim();
  }

  async setCarerConsent(carerId: string, request: ConsentRequest): Promise<CarerProfileView> {
    this.signedInOrThrow();
    const view = this.carerProfiles.get(carerId);
    if (!view) throw new ApiFailure(404, 'not-found', 'There is no such care worker. Choose them again from the list.');
    const changed: CarerProfileView = { ...view, consentGivenAt: request.agreed ? (view.consentGivenAt ?? this.now().toISOString()) : null };
    changed.blockers = showBlockers(changed);
    this.carerProfiles.set(carerId, changed);
    return structuredClone(changed);
  }

  /** Each visit's evidence page, by visit id, as the office builds it (tests add them). */
  readonly visitEvidence = new Map<string, VisitEvidence>();
  /** The office's records the choice report is computed from, with the real computeChoiceReport. */
  readonly reportVisits: ReportVisit[] = [];
  /** Every range the choice report was asked for. */
  readonly reportRequests: Partial<DateRange>[] = [];

  async fetchVisitEvidence(visitId: string): Promise<VisitEvidence> {
    this.signedInOrThrow();
    const evidence = this.visitEvidence.get(visitId);
    if (!evidence) throw new ApiFailure(404, 'not-found', 'There is no such visit. Refresh the list of visits.');
    return structuredClone(evidence);
  }

  /** The server's rules: the default range ends today and covers 90 days; a bad range is a 400 with the reason. */
  async fetchChoiceReport(range: Partial<DateRange>): Promise<ChoiceReport> {
    this.signedInOrThrow();
    this.reportRequests.push({ ...range });
    const full = reportRangeOf(range, londonDateOf(this.now().toISOString()));
    const problem = dateRangeProblem(full);
    if (problem) throw new ApiFailure(400, 'invalid-request', problem);
    return computeChoiceReport(full, this.reportVisits);
  }

  /** The audit log, newest first, and the names the office offers as filters. */
  auditEntries: AuditEntry[] = [];
  auditNames: Pick<AuditPage, 'people' | 'actors'> = { people: [], actors: [] };
  readonly auditRequests: AuditQuery[] = [];

  async fetchAuditLog(query: AuditQuery): Promise<AuditPage> {
    this.signedInOrThrow();
    this.auditRequests.push({ ...query });
    const page = Number(query.page ?? 1);
    const matching = this.auditEntries.filter(
      (e) =>
        (!query.action || e.action === query.action) &&
        (!query.personId || e.subject.id === query.personId) &&
        (!query.actorUserId || e.actor.userId === query.actorUserId) &&
        (!query.from || londonDateOf(e.at) >= query.from) &&
        (!query.to || londonDateOf(e.at) <= query.to),
    );
    const entries = matching.slice((page - 1) * AUDIT_PAGE_SIZE, page * AUDIT_PAGE_SIZE);
    return { entries, page, hasMore: matching.length > page * AUDIT_PAGE_SIZE, ...this.auditNames };
  }

  /** Visits the office would list as downloaded with no outcome, and the hours each request asked for. */
  missingOutcomes: MissingOutcome[] = [];
  readonly missingOutcomeRequests: (number | undefined)[] = [];

  async fetchMissingOutcomes(hours?: number): Promise<MissingOutcomesReport> {
    this.signedInOrThrow();
    this.missingOutcomeRequests.push(hours);
    return { hours: hours ?? 24, visits: this.missingOutcomes };
  }

  /** The organisation's tablets, by id: enrolling adds one; revoking marks it, as the office does. */
  readonly devices = new Map<string, DeviceView>();

  async enrolDevice(request: EnrolDeviceRequest): Promise<DeviceView> {
    this.signedInOrThrow();
    if (!['organiser', 'admin'].includes(this.session.user.role)) throw new ApiFailure(403, 'not-allowed', 'Your account cannot do this. Ask an organiser in your office.');
    const { deviceId, label } = EnrolDeviceRequestSchema.parse(request);
    if (this.devices.get(deviceId)?.status === 'revoked') throw new ApiFailure(401, 'device-revoked', 'This tablet has been removed.');
    const at = this.now().toISOString();
    const view: DeviceView = { id: deviceId, label, status: 'enrolled', enrolledBy: this.session.user.name, enrolledAt: at, lastSeenAt: at, revokedBy: null, revokedAt: null };
    this.devices.set(deviceId, view);
    return structuredClone(view);
  }

  async listDevices(): Promise<DeviceView[]> {
    this.signedInOrThrow();
    return [...this.devices.values()].map((d) => structuredClone(d));
  }

  async revokeDevice(deviceId: string): Promise<DeviceView> {
    this.signedInOrThrow();
    const device = this.devices.get(deviceId);
    if (!device) throw new ApiFailure(404, 'not-found', 'There is no such tablet. Refresh the list of devices.');
    if (device.status !== 'revoked') Object.assign(device, { status: 'revoked', revokedBy: this.session.user.name, revokedAt: this.now().toISOString() });
    return structuredClone(device);
  }
}
