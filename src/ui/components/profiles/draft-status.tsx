import type { RefObject } from 'react';
import { formatDayAndTime } from '../../format/dates';
import type { SaveState } from '../../hooks/use-drafted-form';

/** Above a drafted form: work restored from this device (and how to throw it away), and how the last save went. */
export function DraftStatus({
  restoredFrom,
  onDiscard,
  save,
  statusRef,
}: {
  restoredFrom: string | null;
  onDiscard: () => void;
  save: SaveState;
  statusRef: RefObject<HTMLParagraphElement | null>;
}) {
  return (
    <>
      {restoredFrom && (
        <div className="notice">
          <p>Restored what was typed on this device at {formatDayAndTime(restoredFrom)}. It is not saved at the office yet.</p>
          <button type="button" className="button secondary" onClick={onDiscard}>
            Throw it away and start from the saved profile
          </button>
        </div>
      )}
      <p role="status" ref={statusRef} tabIndex={-1} className={save.kind === 'idle' || save.kind === 'saving' ? undefined : 'notice'}>
        {save.kind === 'saved' && `Saved at the office at ${formatDayAndTime(save.at)}.`}
        {save.kind === 'not-saved' && save.message}
      </p>
    </>
  );
}
