import { useState, type FormEvent } from 'react';
import { CONFLICT_NOTE_MAX_CHARS, type Conflict, type ConflictAnswer } from '../../../domain/conflicts';
import { formatDayAndTime } from '../../format/dates';
import { decisionShort } from '../decision-text';
import { resolveFailureText } from './follow-up-words';
import { NoteAndSubmit } from './note-and-submit';

/** One answer as a tablet sent it: what, when, from which tablet, and who was shown. */
function AnswerFacts({ answer }: { answer: ConflictAnswer }) {
  return (
    <dl className="facts">
      <dt>Answer</dt>
      <dd>{decisionShort({ outcome: answer.outcome, chosenCarerFirstName: answer.chosenCarerFirstName })}</dd>
      <dt>Tablet</dt>
      <dd>{answer.deviceLabel}</dd>
      <dt>Decided</dt>
      <dd>{formatDayAndTime(answer.decidedAt)}</dd>
      <dt>Shown</dt>
      <dd>{answer.shownFirstNames.join(', ')}</dd>
    </dl>
  );
}

/**
 * A visit whose records disagree. Nothing was decided for the office: both answers are kept, and a
 * person here says which stands (two answers) or what was done (a changed shortlist), with a note.
 */
export function OpenConflict({ conflict, onResolve }: { conflict: Conflict; onResolve: (keepEventId: string | undefined, note: string) => Promise<unknown> }) {
  const [keep, setKeep] = useState<string | undefined>(undefined);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const base = `conflict-${conflict.id}`;
  const twoAnswers = conflict.kind === 'different-outcomes';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (twoAnswers && !keep) return setError('Choose the answer that stands.');
    if (note.trim() === '') return setError('Say in a few words what was decided, for the record.');
    setBusy(true);
    setError(null);
    try {
      await onResolve(keep, note.trim());
    } catch (failure) {
      setError(resolveFailureText(failure).replace('Not marked as done', 'Not saved'));
      setBusy(false);
    }
  }

  return (
    <li className="card follow-up conflict">
      <h3 id={`${base}-title`}>
        {conflict.personFirstName}: {conflict.summary}
      </h3>
      {!twoAnswers && (
        <>
          <AnswerFacts answer={conflict.answers[0]!} />
          <p>The shortlist is now: {conflict.shortlistFirstNames.join(', ')}.</p>
        </>
      )}
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {twoAnswers && (
          <fieldset>
            <legend>Which answer stands?</legend>
            {conflict.answers.map((answer) => (
              <label key={answer.eventId} className="choice-row conflict-answer">
                <input type="radio" name={`${base}-keep`} checked={keep === answer.eventId} onChange={() => setKeep(answer.eventId)} />
                <AnswerFacts answer={answer} />
              </label>
            ))}
          </fieldset>
        )}
        <NoteAndSubmit
          base={base}
          label="What was decided, and why"
          example="For example: Rang Hilda, who said Sam again."
          maxLength={CONFLICT_NOTE_MAX_CHARS}
          note={note}
          onNoteChange={setNote}
          error={error}
          busy={busy}
          submitLabel="Record the decision"
        />
      </form>
    </li>
  );
}
