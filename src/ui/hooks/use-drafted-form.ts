import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormDraftRecord } from '../../local-db/database';
import { deleteFormDraft, getFormDraft, putFormDraft } from '../../local-db/form-drafts';
import { ApiFailure, NetworkFailure, type Transport } from '../../sync/transport';
import { useAppServices } from '../app';
import { useOfficeData } from './use-office-data';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'not-saved'; message: string };

/** A record the office keeps a version of, and how a form over it is filled, checked and saved. */
export interface DraftedFormSpec<View extends { updatedAt: string }, Values, Checked, Errors> {
  /** Names the device's draft, e.g. 'carer:<id>'. */
  key: string;
  /** Stable for the same record (useCallback). */
  fetch: (transport: Transport) => Promise<View>;
  valuesOf: (view: View) => Values;
  check: (values: Values) => { ok: Checked } | { errors: Errors };
  save: (transport: Transport, checked: Checked, basedOnUpdatedAt: string) => Promise<View>;
}

/**
 * A form's state: what the office has, and what was typed on this device. Every change is written to the
 * device's draft at once, so a reload, a crash or going offline loses nothing; the draft goes only when
 * the office has saved it. A draft found on opening wins over the office's copy (it is newer work), and
 * the screen says so.
 */
export function useDraftedForm<View extends { updatedAt: string }, Values, Checked, Errors>(spec: DraftedFormSpec<View, Values, Checked, Errors>) {
  const { db, transport, now } = useAppServices();
  const { key, valuesOf, check, save: saveAtOffice } = spec;
  const office = useOfficeData(spec.fetch);
  const [view, setView] = useState<View | null>(null);
  const [values, setValues] = useState<Values | null>(null);
  const [basedOn, setBasedOn] = useState<string | null>(null);
  const [restoredFrom, setRestoredFrom] = useState<string | null>(null);
  const [errors, setErrors] = useState<Partial<Errors>>({});
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  /** undefined while the device is being read; null when it holds no draft of this profile. */
  const [draft, setDraft] = useState<FormDraftRecord | null | undefined>(undefined);
  const lastDraftAt = useRef<string | null>(null);

  useEffect(() => {
    let mounted = true;
    void getFormDraft(db, key).then((found) => mounted && setDraft(found ?? null));
    return () => {
      mounted = false;
    };
  }, [db, key]);

  // The office's answer (the same object until it is asked again), then each save or agreement's answer.
  const answered = office.kind === 'ready' ? office.value : null;
  useEffect(() => {
    if (answered) setView(answered);
  }, [answered]);

  // The form starts once: from the device's draft when there is one (it is there offline, and it is newer
  // work than the office's copy), otherwise from the office's copy as soon as it arrives.
  useEffect(() => {
    if (values !== null || draft === undefined) return;
    if (draft) {
      setValues(draft.values as Values);
      setBasedOn(draft.basedOnUpdatedAt);
      setRestoredFrom(draft.savedAt);
      lastDraftAt.current = draft.savedAt;
    } else if (view) {
      setValues(valuesOf(view));
      setBasedOn(view.updatedAt);
    }
  }, [draft, view, values, valuesOf]);

  const change = useCallback(
    (next: Values) => {
      setValues(next);
      const savedAt = now().toISOString();
      lastDraftAt.current = savedAt;
      void putFormDraft(db, { key, values: next, basedOnUpdatedAt: basedOn, savedAt });
    },
    [db, key, basedOn, now],
  );

  const submit = useCallback(async (): Promise<boolean> => {
    if (!values) return false;
    const checked = check(values);
    if ('errors' in checked) {
      setErrors(checked.errors as Partial<Errors>);
      setSave({ kind: 'idle' });
      return false;
    }
    setErrors({});
    setSave({ kind: 'saving' });
    const draftAt = lastDraftAt.current;
    try {
      const saved = await saveAtOffice(transport, checked.ok, basedOn ?? view?.updatedAt ?? '');
      await deleteFormDraft(db, key, draftAt ?? undefined);
      setView(saved);
      setBasedOn(saved.updatedAt);
      setRestoredFrom(null);
      setSave({ kind: 'saved', at: saved.updatedAt });
      return true;
    } catch (error) {
      setSave({ kind: 'not-saved', message: notSavedMessage(error) });
      return false;
    }
  }, [values, check, saveAtOffice, transport, basedOn, view, db, key]);

  /** Throws away what was typed here and starts again from the office's copy. */
  const discardDraft = useCallback(async () => {
    await deleteFormDraft(db, key);
    setRestoredFrom(null);
    setErrors({});
    setSave({ kind: 'idle' });
    setDraft(null);
    setValues(view ? valuesOf(view) : null);
    setBasedOn(view?.updatedAt ?? null);
    if (!view) office.reload();
  }, [db, key, view, office, valuesOf]);

  /** Asks the office again for what it holds (after a photo or film is made ready), leaving the form as typed. */
  const refreshView = useCallback(() => {
    void spec.fetch(transport).then(setView, () => undefined);
  }, [transport, spec.fetch]);

  return { office, view, setView, refreshView, values, change, errors, save, submit, restoredFrom, discardDraft };
}

function notSavedMessage(error: unknown): string {
  if (error instanceof NetworkFailure) {
    return 'Not saved yet: the office could not be reached. Everything you typed is kept on this device. Save again when there is a connection.';
  }
  if (error instanceof ApiFailure) return `Not saved: ${error.message}`;
  return `Not saved: ${error instanceof Error ? error.message : String(error)}`;
}
