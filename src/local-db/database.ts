import Dexie, { type EntityTable, type Table } from 'dexie';
import type { HearthEvent, Outcome, OutcomeRecordedPayload } from '../domain/events';
import type { PersonModeSettings } from '../domain/person-mode';
import type { VisitPack, VisitSummary } from '../domain/visits';
import type { SessionInfo } from '../domain/api';
import { DataKeyring, type SealedBox, type WrappedKeyRecord } from './data-key';

/** The organiser signed in on this tablet: kept so the app opens offline. */
export interface SessionRecord {
  key: 'current';
  session: SessionInfo;
  signedInAt: string;
}

/** This tablet: its id is made once and sent with every event. */
export interface DeviceRecord {
  key: 'this';
  deviceId: string;
  label: string;
}

export type PackStatus = 'not-downloaded' | 'downloading' | 'ready' | 'failed';

/** A planned visit as the tablet knows it: the office's summary plus the state of its offline pack. */
export interface LocalVisit {
  id: string;
  summary: VisitSummary;
  packStatus: PackStatus;
  bytesTotal: number;
  bytesStored: number;
  /** Why the last download failed, in words for the organiser. */
  packError: string | null;
  readyAt: string | null;
  /** When the pack was removed because the office had the outcome and the organisation's retention time had passed. */
  packRemovedAt?: string;
}

export interface PackRecord {
  visitId: string;
  pack: VisitPack;
}

/** A verified pack file. Films and photos live here as typed Blobs; the Blob is never indexed. */
export interface StoredFile {
  sha256: string;
  type: string;
  bytes: number;
  blob: Blob;
  storedAt: string;
}

/**
 * A pack file partly downloaded: what has arrived so far, kept so a cut download resumes with an HTTP
 * Range request instead of starting again. The bytes are in PartialPartRecord rows; receivedBytes is
 * always the sum of their sizes (both are written in one transaction). Moved to `files` only once the
 * whole file's SHA-256 matches.
 */
export interface PartialFileRecord {
  sha256: string;
  type: string;
  /** The size the manifest promises. */
  expectedBytes: number;
  receivedBytes: number;
  updatedAt: string;
}

/**
 * One piece of a partial file, starting at `offset`. A row per piece rather than an array of Blobs in
 * PartialFileRecord: rewriting an array would copy every earlier Blob again on each append.
 */
export interface PartialPartRecord {
  sha256: string;
  offset: number;
  blob: Blob;
}

/** The outcome recorded on this tablet for a visit; written in one transaction with its outbox row. */
export interface OutcomeRecord {
  visitId: string;
  eventId: string;
  outcome: Outcome;
  chosenCarerId: string | null;
  recordedAt: string;
  /** The whole payload as recorded (since version 2), so the organiser's answers can re-record it. */
  payload?: OutcomeRecordedPayload;
  /** When the office acknowledged this outcome's event: the retention time for the visit's pack runs from here. */
  acknowledgedAt?: string;
}

/**
 * A person's person-mode settings as changed on this tablet, used at once instead of the pack's.
 * It wins only while the office may not have the change: once its PersonModeSettingsChanged event has
 * left the outbox (the office acknowledged it), a pack fetched after that already carries it, or a later
 * change made at the office or on another tablet, so storing such a pack drops this record and the
 * pack's settings count again (src/local-db/person-mode-settings.ts). A pack fetched while the event was
 * still waiting never drops it, nor does one that arrives after a newer change here (changedAt differs).
 */
export interface PersonModeSettingsRecord {
  personId: string;
  settings: PersonModeSettings;
  changedAt: string;
}

/**
 * The organiser's PIN that unlocks person mode. Only a PBKDF2-SHA256 hash with a random salt is kept,
 * never the PIN itself.
 */
export interface OrganiserPinRecord {
  key: 'organiser';
  saltHex: string;
  hashHex: string;
  iterations: number;
  setAt: string;
  /** Wrong PINs in a row since the last right one or the last wait (absent: none). */
  wrongTries?: number;
  /** While this time has not come, no PIN is checked: guessing is slowed, and a reload does not end it. */
  waitUntil?: string | null;
}

/** An event waiting to be acknowledged by the office. Removed only after the server's ack. */
export interface OutboxItem {
  id: string;
  event: HearthEvent;
  queuedAt: string;
  attempts: number;
  /** Why the last send of this item failed, for the organiser. */
  lastError: string | null;
}

export interface SyncStateRecord {
  key: 'state';
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  lastError: string | null;
  /** What the browser last said when asked to keep Hearth's storage (navigator.storage.persist), and when. */
  storagePersisted?: boolean;
  storagePersistCheckedAt?: string;
  /**
   * A random id made at first open and copied to localStorage (eviction-sentinel.ts): if localStorage still
   * has it but this record is gone, the browser cleared Hearth's database. No personal data.
   */
  installMarker?: string;
  installMarkerAt?: string;
  /** When a launch found the database cleared by the browser; removed once the organiser has read the notice. */
  storageLostAt?: string;
}

/**
 * What was typed into a form and not yet saved at the office (a profile being written), kept so it
 * survives a reload, a crash and going offline. `key` names the record, e.g. 'carer:<id>'; `values` is the
 * form's own state. Removed once the office has saved it.
 */
export interface FormDraftRecord {
  key: string;
  values: unknown;
  /** The office's version the typing started from, so a save can be refused if someone saved since. */
  basedOnUpdatedAt: string | null;
  savedAt: string;
}

/**
 * A record as stored since version 5: its personal fields K are encrypted together in `sealed`
 * (sealed-records.ts). A record written before version 5 still has them in clear, without `sealed`,
 * until the first unlock after the upgrade seals it (sealLegacyRecords).
 */
export type Stored<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>> & { sealed?: SealedBox };

/** An outbox row as stored: the event is sealed; what it is about is kept in clear as random ids, to keep records in order and find a visit's. */
export type StoredOutboxItem = Stored<OutboxItem, 'event'> & { visitId?: string; eventType?: HearthEvent['type']; personId?: string };

/** A pack as stored: the pack is sealed; the SHA-256s of its files stay in clear so purging knows which files it shares. */
export type StoredPack = Stored<PackRecord, 'pack'> & { fileShas?: string[] };

/**
 * One encrypted piece of a stored file: `bytes` of plain content starting at `offset`, sealed on its own
 * (as it arrived, a partial part) with the part's name as additional data.
 */
export interface FilePiece {
  offset: number;
  bytes: number;
}

/** A file as stored: `blob` is its sealed pieces one after another; absent `pieces`: a clear Blob from before version 5. */
export type StoredFileRow = StoredFile & { pieces?: FilePiece[] };

/** A partial part as stored: `sealed` says the Blob is encrypted and `bytes` is the plain size. */
export type StoredPartRow = PartialPartRecord & { sealed?: true; bytes?: number };

export type StoredOutcome = Stored<OutcomeRecord, 'outcome' | 'chosenCarerId' | 'payload'>;

export class HearthDatabase extends Dexie {
  session!: EntityTable<Stored<SessionRecord, 'session'>, 'key'>;
  device!: EntityTable<DeviceRecord, 'key'>;
  visits!: EntityTable<Stored<LocalVisit, 'summary'>, 'id'>;
  packs!: EntityTable<StoredPack, 'visitId'>;
  files!: EntityTable<StoredFileRow, 'sha256'>;
  outcomes!: EntityTable<StoredOutcome, 'visitId'>;
  outbox!: EntityTable<StoredOutboxItem, 'id'>;
  syncState!: EntityTable<SyncStateRecord, 'key'>;
  personModeSettings!: EntityTable<Stored<PersonModeSettingsRecord, 'settings'>, 'personId'>;
  organiserPin!: EntityTable<OrganiserPinRecord, 'key'>;
  partialFiles!: EntityTable<PartialFileRecord, 'sha256'>;
  partialParts!: Table<StoredPartRow, [string, number]>;
  formDrafts!: EntityTable<Stored<FormDraftRecord, 'values'>, 'key'>;
  keyring!: EntityTable<WrappedKeyRecord, 'key'>;
  /** The data key while the app runs (memory only): every personal field is sealed and opened with it. */
  readonly dataKey = new DataKeyring();

  constructor(name: string) {
    super(name);
    // Append-only: never edit a version block once it has shipped; add version(2) with an upgrade.
    this.version(1).stores({
      session: 'key',
      device: 'key',
      visits: 'id',
      packs: 'visitId',
      files: 'sha256', // no index on the Blob: indexing large values is slow and breaks on iOS
      outcomes: 'visitId, eventId',
      outbox: 'id, queuedAt',
      syncState: 'key',
    });
    // Version 2 (full person mode, issue 4): per-person settings changed on the tablet, and the
    // organiser's PIN hash that locks person mode. New tables only: nothing to upgrade.
    this.version(2).stores({
      personModeSettings: 'personId',
      organiserPin: 'key',
    });
    // Version 3 (resumable visit packs): the bytes of files still arriving, so a cut download carries on
    // from where it stopped. New tables only. Parts are keyed [sha256+offset] so one file's parts are a
    // key range; the Blob is never indexed.
    this.version(3).stores({
      partialFiles: 'sha256',
      partialParts: '[sha256+offset]',
    });
    // Version 4 (office tools, issue 6): drafts of forms being written, so nothing typed is lost. New table only.
    this.version(4).stores({
      formDrafts: 'key',
    });
    // Version 5 (encrypted at rest, issue 7): the data key, stored only wrapped (data-key.ts). Records
    // are sealed from now on; no upgrade function here, because WebCrypto is async and an IndexedDB upgrade
    // transaction dies across it. Records written before stay readable and are sealed on the first unlock
    // (sealLegacyRecords), so nothing waiting in the outbox is lost. Indexes are unchanged: ids and
    // SHA-256s only.
    this.version(5).stores({
      keyring: 'key',
    });
  }
}

export const DEFAULT_DATABASE_NAME = 'hearth';

export function openHearthDatabase(name: string = DEFAULT_DATABASE_NAME): HearthDatabase {
  return new HearthDatabase(name);
}
