import type { Reaction } from '../../domain/events';

/**
 * Talking Mats-style symbols, drawn here so they work offline and stay sharp at any size.
 * Each is shown with its words, never alone.
 */
export function ReactionSymbol({ reaction }: { reaction: Reaction }) {
  return (
    <svg className="reaction-symbol" viewBox="0 0 48 48" width="56" height="56" aria-hidden="true" focusable="false">
      {reaction === 'like' && (
        <>
          <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
          <circle cx="17" cy="19" r="2.8" fill="currentColor" />
          <circle cx="31" cy="19" r="2.8" fill="currentColor" />
          <path d="M14 28c3 6 17 6 20 0" fill="none" stroke="currentColor" strokeWidth="3.2" strokeLinecap="round" />
        </>
      )}
      {reaction === 'not-sure' && (
        <>
          <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" strokeWidth="3" />
          <path d="M18 18a6 6 0 1 1 8.5 5.5c-1.8.9-2.5 2-2.5 4v1.5" fill="none" stroke="currentColor" strokeWidth="3.2" strokeLinecap="round" />
          <circle cx="24" cy="35" r="2.4" fill="currentColor" />
        </>
      )}
      {reaction === 'not-for-me' && (
        <>
          {/* A raised open hand: "stop, not for me". */}
          <path
            d="M16 26V13a2.5 2.5 0 0 1 5 0v10V9a2.5 2.5 0 0 1 5 0v14V11a2.5 2.5 0 0 1 5 0v13v-7a2.5 2.5 0 0 1 5 0v14c0 7-5 12-11 12h-1c-4 0-7-2-9-5l-5-8a2.5 2.5 0 0 1 4-3z"
            fill="none"
            stroke="currentColor"
            strokeWidth="2.6"
            strokeLinejoin="round"
          />
        </>
      )}
    </svg>
  );
}
