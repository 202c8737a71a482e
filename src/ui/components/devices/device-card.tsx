import { useId, useState } from 'react';
import type { DeviceView } from '../../../domain/devices';
import { formatDayAndTime } from '../../format/dates';

const STATUS_WORDS: Record<DeviceView['status'], string> = {
  enrolled: 'In use',
  'not-enrolled': 'Not set up (sent records before tablets were set up)',
  revoked: 'Removed',
};

/**
 * One tablet, with "Remove this tablet" behind a confirmation that says what happens: removing is for a
 * lost or stolen tablet, and what it has not sent yet is lost with it.
 */
export function DeviceCard({ device, isThisTablet, onRevoke }: { device: DeviceView; isThisTablet: boolean; onRevoke: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const headingId = useId();
  const name = `${device.label}${isThisTablet ? ' (this tablet)' : ''}`;

  async function revoke() {
    setBusy(true);
    setError('');
    try {
      await onRevoke();
      setConfirming(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The tablet could not be removed. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <dl className="facts">
        <dt>Status</dt>
        <dd>{STATUS_WORDS[device.status]}</dd>
        {device.enrolledAt && (
          <>
            <dt>Set up</dt>
            <dd>
              {formatDayAndTime(device.enrolledAt)}
              {device.enrolledBy ? ` by ${device.enrolledBy}` : ''}
            </dd>
          </>
        )}
        <dt>Last in touch with the office</dt>
        <dd>{formatDayAndTime(device.lastSeenAt)}</dd>
        {device.revokedAt && (
          <>
            <dt>Removed</dt>
            <dd>
              {formatDayAndTime(device.revokedAt)}
              {device.revokedBy ? ` by ${device.revokedBy}` : ''}
            </dd>
          </>
        )}
      </dl>
      {error && (
        <p role="alert" className="error-summary">
          {error}
        </p>
      )}
      {device.status !== 'revoked' &&
        (confirming ? (
          <div role="group" aria-label={`Remove ${name}?`} className="sign-out-warning">
            <p>
              Remove {name}? Use this when a tablet is lost or stolen. The next time it connects to the office it deletes everything Hearth
              kept on it, and anyone signed in on it is signed out. Records it has not sent yet are lost. It cannot be set up again.
              {isThisTablet && ' This is the tablet you are using: it will be wiped too.'}
            </p>
            <div className="button-row">
              <button type="button" className="button secondary" autoFocus onClick={() => setConfirming(false)} disabled={busy}>
                Keep it
              </button>
              <button type="button" className="button" onClick={() => void revoke()} disabled={busy}>
                Remove and wipe {device.label}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
            Remove {name}
          </button>
        ))}
    </li>
  );
}
