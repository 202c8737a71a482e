import type { RankedCarer as Ranked, SharedInterest } from '../../../domain/matching/result';

const FIT_WORDS = { good: 'Good personality fit', neutral: 'No strong personality fit', poor: 'Poor personality fit' } as const;

export interface RankedCarerProps {
  carer: Ranked;
  personName: string;
  shortlisted: boolean;
  onToggle: () => void;
  /** Ranked above someone shortlisted but not shortlisted: the organiser must say why. */
  passedOver: boolean;
  reason: string;
  onReason: (text: string) => void;
  reasonError?: string;
  shortlistInvalid: boolean;
}

/** One ranked care worker: rank, name, personality and interests, the engine's "why", and the shortlist box. */
export function RankedCarer(props: RankedCarerProps) {
  const { carer, personName, passedOver, reasonError } = props;
  const { personality, interests } = carer;
  const reasonId = `why-not-${carer.id}`;
  const exact = interests.shared.filter((s) => s.kind === 'exact');
  const near = interests.shared.filter((s) => s.kind === 'near');

  return (
    <li className={`card ranked-carer fit-${personality.fit}${props.shortlisted ? ' is-shortlisted' : ''}`}>
      <h3 className="ranked-name">
        <span className="rank-badge">
          <span className="visually-hidden">Ranked </span>
          {carer.rank}
        </span>{' '}
        {carer.name}
      </h3>
      <p className="why">{carer.why}</p>
      <dl className="facts">
        <dt>Personality</dt>
        <dd>
          {FIT_WORDS[personality.fit]}.
          {personality.wanted.length > 0 && ` Has what ${personName} gets on with: ${personality.wanted.join(', ')}.`}
          {personality.avoided.length > 0 && ` Has what ${personName} does not get on with: ${personality.avoided.join(', ')}.`}
        </dd>
        <dt>Shared interests</dt>
        <dd>
          {exact.length === 0 && near.length === 0 && 'None found.'}
          {exact.length > 0 && `Same: ${exact.map((s) => s.person).join(', ')}.`}
          {exact.length > 0 && near.length > 0 && ' '}
          {near.length > 0 && `Close: ${near.map(nearWords).join('; ')}.`}
        </dd>
      </dl>
      <label className="check">
        <input
          type="checkbox"
          checked={props.shortlisted}
          onChange={props.onToggle}
          aria-invalid={props.shortlistInvalid || undefined}
          aria-describedby={props.shortlistInvalid ? 'shortlist-error' : undefined}
        />
        <span>Shortlist {carer.name}</span>
      </label>
      {passedOver && (
        <div className="field why-not">
          <label htmlFor={reasonId}>Why not {carer.name}?</label>
          <p id={`${reasonId}-hint`} className="hint">
            {carer.name} is ranked {carer.rank}, above someone you shortlisted. Say why, for the record.
          </p>
          {reasonError && (
            <p id={`${reasonId}-error`} className="field-error">
              {reasonError}
            </p>
          )}
          <textarea
            id={reasonId}
            rows={2}
            required
            aria-required="true"
            maxLength={500}
            value={props.reason}
            onChange={(e) => props.onReason(e.target.value)}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${reasonId}-error ${reasonId}-hint` : `${reasonId}-hint`}
          />
        </div>
      )}
    </li>
  );
}

function nearWords(s: SharedInterest): string {
  return s.via ? `${s.person} and ${s.carer} (both ${s.via})` : `${s.person} and ${s.carer}`;
}
