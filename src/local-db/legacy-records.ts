import type { IndexableType, Table } from 'dexie';
import type {
  FormDraftRecord,
  HearthDatabase,
  LocalVisit,
  OutboxItem,
  OutcomeRecord,
  PackRecord,
  PersonModeSettingsRecord,
  SessionRecord,
} from './database';
import {
  sealClearFile,
  sealFormDraft,
  sealOutboxItem,
  sealOutcome,
  sealPack,
  sealPart,
  sealPersonModeSettings,
  sealSession,
  sealVisit,
} from './sealed-records';

/** Clear files from before version 5 are sealed in pieces this big, as downloads store them. */
const LEGACY_PIECE_BYTES = 1024 * 1024;

/** Any stored row, as the generic sealing below sees it. */
type Row = Record<string, unknown> & { sealed?: unknown };
/** The tables below all keep their personal fields as Stored<T, K> does; seen here as plain rows. */
const rows = (table: unknown) => table as Table<Row, IndexableType>;

/**
 * Seals, one at a time, the rows of a table written in clear before version 5. Each row is sealed
 * outside any transaction, then written only if it is still the clear row that was sealed (its personal
 * fields unchanged); its clear fields (attempts, pack state) are taken as they are now. A row changed
 * meanwhile stays readable in clear and is sealed at the next unlock. Rows are replaced, never deleted:
 * nothing in the outbox can be lost here.
 */
async function sealRows(
  table: Table<Row, IndexableType>,
  keyOf: (row: Row) => IndexableType,
  personal: readonly string[],
  seal: (row: never) => Promise<object>,
): Promise<number> {
  const pick = (row: Row) => JSON.stringify(personal.map((field) => row[field]));
  let sealed = 0;
  for (const row of (await table.toArray()).filter((r) => !r.sealed)) {
    const next = (await seal(row as never)) as Row;
    const written = await table.db.transaction('rw', table, async () => {
      const current = await table.get(keyOf(row));
      if (!current || current.sealed || pick(current) !== pick(row)) return false;
      const clear: Record<string, unknown> = { ...current };
      for (const field of personal) delete clear[field];
      await table.put({ ...next, ...clear, sealed: next.sealed });
      return true;
    });
    if (written) sealed += 1;
  }
  return sealed;
}

/**
 * After the first unlock following the upgrade to version 5: every record still in clear is sealed.
 * Returns how many were. Needs the data key in memory.
 */
export async function sealLegacyRecords(db: HearthDatabase): Promise<number> {
  let count = 0;
  // A row without `sealed` is a whole clear record of its table's type, as written before version 5.
  const byKey = (field: string) => (row: Row) => row[field] as IndexableType;
  count += await sealRows(rows(db.session), byKey('key'), ['session'], (r: SessionRecord) => sealSession(db, r));
  count += await sealRows(rows(db.visits), byKey('id'), ['summary'], (r: LocalVisit) => sealVisit(db, r));
  count += await sealRows(rows(db.packs), byKey('visitId'), ['pack'], (r: PackRecord) => sealPack(db, r));
  count += await sealRows(rows(db.outcomes), byKey('visitId'), ['outcome', 'chosenCarerId', 'payload'], (r: OutcomeRecord) => sealOutcome(db, r));
  count += await sealRows(rows(db.outbox), byKey('id'), ['event'], (r: OutboxItem) => sealOutboxItem(db, r));
  count += await sealRows(rows(db.personModeSettings), byKey('personId'), ['settings'], (r: PersonModeSettingsRecord) => sealPersonModeSettings(db, r));
  count += await sealRows(rows(db.formDrafts), byKey('key'), ['values'], (r: FormDraftRecord) => sealFormDraft(db, r));
  count += await sealClearParts(db);
  count += await sealClearFiles(db);
  return count;
}

async function sealClearParts(db: HearthDatabase): Promise<number> {
  let count = 0;
  for (const key of await db.partialParts.toCollection().primaryKeys()) {
    const part = await db.partialParts.get(key);
    if (!part || part.sealed) continue;
    const next = await sealPart(db, part.sha256, part.offset, part.blob);
    await db.transaction('rw', db.partialParts, async () => {
      const current = await db.partialParts.get(key);
      if (current && !current.sealed && current.blob.size === part.blob.size) await db.partialParts.put(next);
    });
    count += 1;
  }
  return count;
}

/** One file at a time, by key, so a tablet full of films never has more than one in memory. */
async function sealClearFiles(db: HearthDatabase): Promise<number> {
  let count = 0;
  for (const sha256 of await db.files.toCollection().primaryKeys()) {
    const file = await db.files.get(sha256);
    if (!file || file.pieces) continue;
    const next = await sealClearFile(db, file, LEGACY_PIECE_BYTES);
    await db.transaction('rw', db.files, async () => {
      const current = await db.files.get(sha256);
      if (current && !current.pieces) await db.files.put(next);
    });
    count += 1;
  }
  return count;
}
