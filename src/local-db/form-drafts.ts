import type { FormDraftRecord, HearthDatabase } from './database';
import { openFormDraft, sealFormDraft } from './sealed-records';

/** The draft kept for `key`, if any. */
export async function getFormDraft(db: HearthDatabase, key: string): Promise<FormDraftRecord | undefined> {
  const stored = await db.formDrafts.get(key);
  return stored && openFormDraft(db, stored);
}

/** Keeps what was typed (sealed), replacing the earlier draft of the same form. */
export async function putFormDraft(db: HearthDatabase, draft: FormDraftRecord): Promise<void> {
  await db.formDrafts.put(await sealFormDraft(db, draft));
}

/**
 * Drops the draft once the office has saved it, unless it was typed over since that save began
 * (`savedAt` differs): what came after is not saved yet and must stay.
 */
export async function deleteFormDraft(db: HearthDatabase, key: string, ifSavedAt?: string): Promise<void> {
  await db.transaction('rw', db.formDrafts, async () => {
    const current = await db.formDrafts.get(key);
    if (current && (ifSavedAt === undefined || current.savedAt === ifSavedAt)) await db.formDrafts.delete(key);
  });
}
