import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { canonicalJson, SUPPORT_USED_WORDS, SupportUsedSchema, type HowDecided, type IndicatedBy, type SupportUsed } from '../../../domain/events';
import { getOutcome } from '../../../local-db/queries';
import { rerecordOutcomeWithHowDecided } from '../../../local-db/record-event';
import { useAppServices } from '../../app';
import { PageHeading } from '../../components/page-heading';

const INDICATED_BY: [IndicatedBy, string][] = [
  ['person-by-touch', 'They touched the screen'],
  ['person-by-pointing', 'They pointed'],
  ['person-by-eye-gaze', 'They looked at it (eye gaze)'],
  ['person-by-gesture', 'They used a gesture or sign'],
  ['person-with-supporter', 'They decided with a supporter’s help'],
  ['family-on-their-behalf', 'A family member decided on their behalf'],
];
const PRESENT = ['Organiser', 'Family member', 'Friend', 'Advocate', 'Support worker'];
const SUPPORTS: [SupportUsed, string][] = SupportUsedSchema.options.map((support) => [support, SUPPORT_USED_WORDS[support]]);

function minutesText(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return 'less than a minute';
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/**
 * After the tablet comes back: the organiser says how the decision was made. The outcome was saved
 * the moment the person decided, with what the app knew; if these answers differ, it is withdrawn and
 * recorded again with them in one transaction (see rerecordOutcomeWithHowDecided).
 */
export function HowDecidedForm({ visitId, personFirstName, onDone }: { visitId: string; personFirstName: string; onDone: () => void }) {
  const { db } = useAppServices();
  const recorded = useLiveQuery(async () => (await getOutcome(db, visitId)) ?? null, [db, visitId]);
  const known = recorded?.payload?.howDecided;
  if (recorded === undefined) return null;
  if (!known) {
    // Nothing to describe (the decision was undone, or recorded before this form existed).
    return (
      <section className="organiser-panel" lang="en">
        <PageHeading>The tablet is back with you</PageHeading>
        <button type="button" className="button" onClick={onDone}>
          Back to the visit
        </button>
      </section>
    );
  }
  return <Form visitId={visitId} personFirstName={personFirstName} known={known} onDone={onDone} />;
}

function Form({ visitId, personFirstName, known, onDone }: { visitId: string; personFirstName: string; known: HowDecided; onDone: () => void }) {
  const { db, now, randomBytes } = useAppServices();
  const [indicatedBy, setIndicatedBy] = useState<IndicatedBy>(known.indicatedBy);
  const [present, setPresent] = useState<string[]>(known.present.filter((p) => PRESENT.includes(p)));
  const [others, setOthers] = useState(known.present.filter((p) => !PRESENT.includes(p)).join(', '));
  const [supports, setSupports] = useState<SupportUsed[]>(known.supportsUsed);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const answers: HowDecided = {
      indicatedBy,
      present: [...present, ...others.split(',').map((s) => s.trim()).filter((s) => s !== '')],
      supportsUsed: SUPPORTS.map(([s]) => s).filter((s) => supports.includes(s)),
      durationSeconds: known.durationSeconds,
    };
    setSaving(true);
    try {
      // Only a real change is re-recorded: the office need not see a withdrawal that changed nothing.
      if (canonicalJson(answers) !== canonicalJson({ ...known, supportsUsed: SUPPORTS.map(([s]) => s).filter((s) => known.supportsUsed.includes(s)) })) {
        await rerecordOutcomeWithHowDecided(db, visitId, answers, { now, randomBytes });
      }
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSaving(false);
    }
  };

  return (
    <section className="organiser-panel" lang="en">
      <PageHeading>How was this decided?</PageHeading>
      <p>
        {personFirstName}’s answer is saved. Tell the office how it was made. It took {minutesText(known.durationSeconds)} from
        handing over.
      </p>
      {error && (
        <p className="error-summary" role="alert">
          That was not saved: {error}
        </p>
      )}
      <form className="form how-decided" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>Who showed the answer, and how?</legend>
          {INDICATED_BY.map(([value, label]) => (
            <label key={value} className="choice-row">
              <input type="radio" name="indicated-by" value={value} checked={indicatedBy === value} onChange={() => setIndicatedBy(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Who was there?</legend>
          {PRESENT.map((who) => (
            <label key={who} className="choice-row">
              <input type="checkbox" checked={present.includes(who)} onChange={(e) => setPresent(toggle(present, who, e.target.checked))} />
              {who}
            </label>
          ))}
          <div className="field">
            <label htmlFor="present-others">Anyone else (separate with commas)</label>
            <input id="present-others" value={others} maxLength={200} onChange={(e) => setOthers(e.target.value)} />
          </div>
        </fieldset>
        <fieldset>
          <legend>What helped?</legend>
          {SUPPORTS.map(([value, label]) => (
            <label key={value} className="choice-row">
              <input type="checkbox" checked={supports.includes(value)} onChange={(e) => setSupports(toggle(supports, value, e.target.checked))} />
              {label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" aria-disabled={saving || undefined}>
          Save and finish
        </button>
      </form>
    </section>
  );
}
