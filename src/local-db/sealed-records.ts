import type { HearthEvent } from '../domain/events';
import { openBytes, openJson, sealBytes, sealJson, SEALED_BYTES_OVERHEAD, type SealedBox } from './data-key';
import type {
  FilePiece,
  FormDraftRecord,
  HearthDatabase,
  LocalVisit,
  OutboxItem,
  OutcomeRecord,
  PackRecord,
  PersonModeSettingsRecord,
  SessionRecord,
  Stored,
  StoredFile,
  StoredFileRow,
  StoredOutboxItem,
  StoredOutcome,
  StoredPack,
  StoredPartRow,
} from './database';

/**
 * Sealing and opening of records, one pair per table. WebCrypto is async and an IndexedDB transaction
 * commits as soon as it waits on anything else, so callers seal BEFORE opening a transaction and open
 * AFTER reading, never inside one. Each record's personal fields are encrypted together with a fresh IV
 * and the record's table and id as additional data, so a box moved to another record does not open.
 * Records from before version 5 (no `sealed`) are returned as they are.
 *
 * What stays in clear (no names, no care details), and so what a copy of the IndexedDB files reveals:
 * - session: key, signedInAt · device: id, label ("Safari on iPad")
 * - visits: id, pack status, byte counts, packError (the app's own sentence), readyAt, packRemovedAt
 * - packs: visitId and each file's SHA-256 · files and partial parts: SHA-256, MIME type, sizes, offsets,
 *   times (the bytes themselves are sealed piece by piece)
 * - outcomes: visitId, eventId, recordedAt, acknowledgedAt · outbox: id, queuedAt, attempts, lastError,
 *   visitId, event type, and personId for settings events
 * - personModeSettings: personId, changedAt · formDrafts: key ('carer:<id>'), timestamps · syncState: all
 * - organiserPin: a PBKDF2 hash of the PIN (guessable offline, but the PIN opens nothing without the
 *   in-memory key) · keyring: the data key wrapped by the password (PBKDF2 600k) and, on an organiser's
 *   tablet, by the office's secret; a care worker's or manager's personal key has no office wrap and
 *   names only the account's random id
 * So: how many visits, when, pack sizes, which have a decision and when it was sent, and whether a film
 * someone already holds is on the tablet (by its SHA-256).
 */

type Personal<T, K extends keyof T> = Pick<T, K>;

async function seal<T, K extends keyof T>(db: HearthDatabase, name: string, record: T, fields: readonly K[]): Promise<Stored<T, K>> {
  const key = db.dataKey.require();
  const personal: Partial<Personal<T, K>> = {};
  const clear = { ...record };
  for (const field of fields) {
    personal[field] = record[field];
    delete clear[field];
  }
  return { ...clear, sealed: await sealJson(key, name, personal) } as Stored<T, K>;
}

async function open<T, K extends keyof T>(db: HearthDatabase, name: string, stored: Stored<T, K>): Promise<T> {
  if (!stored.sealed) return stored as T;
  const { sealed, ...clear } = stored;
  const personal = await openJson<Personal<T, K>>(db.dataKey.require(), name, sealed as SealedBox);
  return { ...clear, ...personal } as T;
}

export const sealSession = (db: HearthDatabase, record: SessionRecord) => seal(db, 'session/current', record, ['session'] as const);
export const openSession = (db: HearthDatabase, stored: Stored<SessionRecord, 'session'>) => open(db, 'session/current', stored);

export const sealVisit = (db: HearthDatabase, visit: LocalVisit) => seal(db, `visits/${visit.id}`, visit, ['summary'] as const);
export const openVisit = (db: HearthDatabase, stored: Stored<LocalVisit, 'summary'>) => open(db, `visits/${stored.id}`, stored);

export async function sealPack(db: HearthDatabase, record: PackRecord): Promise<StoredPack> {
  return { ...(await seal(db, `packs/${record.visitId}`, record, ['pack'] as const)), fileShas: record.pack.files.map((f) => f.sha256) };
}
export async function openPack(db: HearthDatabase, stored: StoredPack): Promise<PackRecord> {
  const { fileShas: _clear, ...rest } = stored;
  return open<PackRecord, 'pack'>(db, `packs/${stored.visitId}`, rest);
}
/** The SHA-256s of a stored pack's files, readable inside a transaction (no key needed). */
export const fileShasOf = (stored: StoredPack): string[] => stored.fileShas ?? stored.pack?.files.map((f) => f.sha256) ?? [];

const OUTCOME_FIELDS = ['outcome', 'chosenCarerId', 'payload'] as const;
export const sealOutcome = (db: HearthDatabase, record: OutcomeRecord) => seal(db, `outcomes/${record.visitId}`, record, OUTCOME_FIELDS);
export const openOutcome = (db: HearthDatabase, stored: StoredOutcome) => open<OutcomeRecord, (typeof OUTCOME_FIELDS)[number]>(db, `outcomes/${stored.visitId}`, stored);

/** What an outbox row is about, in clear: random ids and the event's type, never its content. */
function outboxLabels(event: HearthEvent): Pick<StoredOutboxItem, 'visitId' | 'eventType' | 'personId'> {
  const labels: Pick<StoredOutboxItem, 'visitId' | 'eventType' | 'personId'> = { visitId: event.visitId, eventType: event.type };
  if (event.type === 'PersonModeSettingsChanged') labels.personId = event.payload.personId;
  return labels;
}
export async function sealOutboxItem(db: HearthDatabase, item: OutboxItem): Promise<StoredOutboxItem> {
  return { ...(await seal(db, `outbox/${item.id}`, item, ['event'] as const)), ...outboxLabels(item.event) };
}
export async function openOutboxItem(db: HearthDatabase, stored: StoredOutboxItem): Promise<OutboxItem> {
  const { visitId: _v, eventType: _t, personId: _p, ...rest } = stored;
  return open<OutboxItem, 'event'>(db, `outbox/${stored.id}`, rest);
}
/** Read inside a transaction without the key: the labels of a sealed row, or the clear event of an old one. */
export const outboxVisitId = (stored: StoredOutboxItem): string | undefined => stored.visitId ?? stored.event?.visitId;
export function outboxSettingsPersonId(stored: StoredOutboxItem): string | undefined {
  if (stored.event) return stored.event.type === 'PersonModeSettingsChanged' ? stored.event.payload.personId : undefined;
  return stored.eventType === 'PersonModeSettingsChanged' ? stored.personId : undefined;
}

export const sealPersonModeSettings = (db: HearthDatabase, record: PersonModeSettingsRecord) =>
  seal(db, `personModeSettings/${record.personId}`, record, ['settings'] as const);
export const openPersonModeSettings = (db: HearthDatabase, stored: Stored<PersonModeSettingsRecord, 'settings'>) =>
  open(db, `personModeSettings/${stored.personId}`, stored);

export const sealFormDraft = (db: HearthDatabase, record: FormDraftRecord) => seal(db, `formDrafts/${record.key}`, record, ['values'] as const);
export const openFormDraft = (db: HearthDatabase, stored: Stored<FormDraftRecord, 'values'>) => open(db, `formDrafts/${stored.key}`, stored);

/** The name a part's bytes are sealed under; a stored file keeps its parts' boxes, so the same name opens them. */
const partName = (sha256: string, offset: number) => `partialParts/${sha256}/${offset}`;

export async function sealPart(db: HearthDatabase, sha256: string, offset: number, blob: Blob): Promise<StoredPartRow> {
  const sealed = await sealBytes(db.dataKey.require(), partName(sha256, offset), await blob.arrayBuffer());
  return { sha256, offset, blob: sealed, sealed: true, bytes: blob.size };
}

/** The plain size of a part, without opening it. */
export const partBytes = (part: StoredPartRow): number => (part.sealed ? (part.bytes ?? 0) : part.blob.size);

/** A part's plain bytes: one piece in memory at a time. */
export async function openPart(db: HearthDatabase, part: StoredPartRow): Promise<Blob> {
  if (!part.sealed) return part.blob;
  return new Blob([await openBytes(db.dataKey.require(), partName(part.sha256, part.offset), part.blob)]);
}

/** A file made of its sealed parts, as they are: nothing is decrypted or encrypted again to store it. */
export function fileFromParts(file: Omit<StoredFile, 'blob'>, parts: readonly StoredPartRow[]): StoredFileRow {
  if (parts.some((p) => !p.sealed)) throw new Error('A part of this file is not sealed.');
  const pieces: FilePiece[] = parts.map((p) => ({ offset: p.offset, bytes: partBytes(p) }));
  return { ...file, blob: new Blob(parts.map((p) => p.blob)), pieces };
}

/** True when a stored file's bytes are all there (the sealed size of each piece adds up). */
export function fileIntact(row: StoredFileRow, expectedBytes: number): boolean {
  if (row.bytes !== expectedBytes) return false;
  if (!row.pieces) return row.blob.size === expectedBytes;
  const plain = row.pieces.reduce((sum, p) => sum + p.bytes, 0);
  return plain === expectedBytes && row.blob.size === plain + row.pieces.length * SEALED_BYTES_OVERHEAD;
}

/** A stored file with its plain Blob, opened piece by piece. */
export async function openFile(db: HearthDatabase, row: StoredFileRow): Promise<StoredFile> {
  const { pieces, ...file } = row;
  if (!pieces) return file;
  const key = db.dataKey.require();
  const plain: ArrayBuffer[] = [];
  let at = 0;
  for (const piece of pieces) {
    const size = piece.bytes + SEALED_BYTES_OVERHEAD;
    plain.push(await openBytes(key, partName(row.sha256, piece.offset), row.blob.slice(at, at + size)));
    at += size;
  }
  return { ...file, blob: new Blob(plain, { type: row.type }) };
}

/** Seals a clear file from before version 5 in pieces of `pieceBytes`, so no more than one piece is in memory at once. */
export async function sealClearFile(db: HearthDatabase, file: StoredFile, pieceBytes: number): Promise<StoredFileRow> {
  const parts: StoredPartRow[] = [];
  for (let offset = 0; offset < file.blob.size || (offset === 0 && parts.length === 0); offset += pieceBytes) {
    parts.push(await sealPart(db, file.sha256, offset, file.blob.slice(offset, offset + pieceBytes)));
    if (file.blob.size === 0) break;
  }
  const { blob: _clear, ...rest } = file;
  return fileFromParts(rest, parts);
}
