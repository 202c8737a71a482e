import type { FormDraftRecord, HearthDatabase } from './database';
import { openFormDraft, sealFormDraft } from './sealed-records';

/*
 * Drafts are sealed with this browser's data key. On an organiser's tablet that is the tablet key; on a
 * care worker's or manager's browser it is their personal key (personal-key.ts), which their password
 * opens again after a reload, so the draft comes back as typed. A draft is its writer's: when another
 * account signs in on that browser, the drafts are cleared with the key, never shown to them.
 */

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
