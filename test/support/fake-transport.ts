import { canonicalJson, type HearthEvent, type PushRequest, type PushResponse } from '../../src/domain/events';
import type { LoginRequest, SessionInfo } from '../../src/domain/api';
import type { VisitPack, VisitSummary } from '../../src/domain/visits';
import { ApiFailure, NetworkFailure, type Transport } from '../../src/sync/transport';
import { makeSession, summaryOf, type TestFile } from './factories';

/**
 * An in-memory office with the server's rules (the same id twice is stored once; the same id with
 * other content is a 409) and switches for going offline, losing answers and corrupting files.
 */
export class FakeOffice implements Transport {
  online = true;
  signedIn = true;
  /** The next N pushes are committed but their answer is lost, as when a connection drops. */
  dropAnswers = 0;
  /** Files whose bytes arrive damaged (one byte flipped), by sha256. */
  corrupt = new Set<string>();
  readonly stored = new Map<string, { event: HearthEvent; hash: string }>();
  readonly pushes: PushRequest[] = [];
  readonly fileFetches: string[] = [];
  readonly packs = new Map<string, VisitPack>();
  readonly files = new Map<string, Uint8Array<ArrayBuffer>>();
  session: SessionInfo = makeSession();
  password = 'hearth-demo';

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
      const decided = [...this.stored.values()].filter((s) => s.event.visitId === pack.visit.id).at(-1);
      if (!decided) return summaryOf(pack);
      const chosen = pack.candidates.find((c) => c.id === decided.event.payload.chosenCarerId);
      return summaryOf(pack, {
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

  async pushEvents(request: PushRequest): Promise<PushResponse> {
    this.signedInOrThrow();
    this.pushes.push(structuredClone(request));
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
}
