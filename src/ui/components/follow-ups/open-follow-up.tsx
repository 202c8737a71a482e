import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FOLLOW_UP_NOTE_MAX_CHARS, type FollowUp } from '../../../domain/follow-ups';
import type { LocalVisit } from '../../../local-db/database';
import { formatDayAndTime } from '../../format/dates';
import { visitPath } from '../../paths';
import { followUpTitle, resolveFailureText } from './follow-up-words';
import { NoteAndSubmit } from './note-and-submit';

interface Props {
  followUp: FollowUp;
  /** The visit it came from, when that visit is on this tablet. */
  visit: LocalVisit | undefined;
  /** Resolves with the office's answer (the item then leaves the list), or rejects with why not. */
  onResolve: (note: string) => Promise<unknown>;
}

/** One follow-up waiting for the office: what the person said, when, and a note of what was done. */
export function OpenFollowUp({ followUp, visit, onResolve }: Props) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `follow-up-${followUp.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onResolve(note.trim());
      // Done: the screen takes it out of this list, so this component is gone.
    } catch (failure) {
      setError(resolveFailureText(failure));
      setBusy(false);
    }
  }

  return (
    <li className="card follow-up">
      <h3 id={`${base}-title`}>{followUpTitle(followUp)}</h3>
      <dl className="facts">
        <dt>Decided</dt>
        <dd>{formatDayAndTime(followUp.decidedAt)}</dd>
        <dt>Reached the office</dt>
        <dd>{formatDayAndTime(followUp.createdAt)}</dd>
      </dl>
      {visit && (
        <p>
          <Link to={visitPath(visit.id)}>
            See {followUp.personFirstName}&rsquo;s visit on {formatDayAndTime(visit.summary.plannedAt)}
          </Link>
        </p>
      )}
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        <NoteAndSubmit
          base={base}
          label="What did the office do? (optional)"
          example="For example: Booked Sam to visit on Tuesday."
          maxLength={FOLLOW_UP_NOTE_MAX_CHARS}
          note={note}
          onNoteChange={setNote}
          error={error}
          busy={busy}
          submitLabel="Mark as done"
        />
      </form>
    </li>
  );
}
