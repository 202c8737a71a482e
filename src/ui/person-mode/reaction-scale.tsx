import { useId } from 'react';
import type { Reaction } from '../../domain/events';
import { usePersonModeStore } from '../stores/person-mode-store';
import { usePersonMode } from './person-mode-context';
import { ReactionSymbol } from './reaction-symbols';

const REACTIONS: Reaction[] = ['like', 'not-sure', 'not-for-me'];

/**
 * The three-point scale for one carer, as a radio group (arrow keys move, a screen reader says
 * "1 of 3"). Whatever the person places stays exactly as they left it: the app never resets it.
 */
export function ReactionScale({ carerId, carerName, compact = false }: { carerId: string; carerName: string; compact?: boolean }) {
  const { text } = usePersonMode();
  const placed = usePersonModeStore((s) => s.reactions[carerId]);
  const react = usePersonModeStore((s) => s.react);
  const questionId = useId();
  const words: Record<Reaction, string> = { like: text.like, 'not-sure': text.notSure, 'not-for-me': text.notForMe };

  return (
    <div className="reaction-scale" role="radiogroup" aria-labelledby={questionId}>
      {/* Compact (everyone together): the name is just above, so the question is read out, not shown. */}
      <p id={questionId} className={compact ? 'reaction-question visually-hidden' : 'reaction-question'}>
        {text.scaleQuestion(carerName)}
      </p>
      <div className="reaction-options">
        {REACTIONS.map((reaction) => (
          <label key={reaction} className={`reaction-option reaction-${reaction}`}>
            <input
              type="radio"
              name={`reaction-${carerId}`}
              value={reaction}
              checked={placed === reaction}
              onChange={() => react(carerId, reaction)}
            />
            <ReactionSymbol reaction={reaction} />
            <span>{words[reaction]}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
