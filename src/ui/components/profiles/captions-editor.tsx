import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { parseCaptionLines } from '../../../domain/captions';
import { failureText } from '../../format/failure-text';
import { useAppServices } from '../../app';
import { useOfficeData } from '../../hooks/use-office-data';
import { TextAreaField } from '../text-area-field';

/**
 * Captions for the film, typed as "time words" lines, so people who cannot hear it can read it.
 * Checked here with the office's own rules before sending.
 */
export function CaptionsEditor({ carerId }: { carerId: string }) {
  const { transport } = useAppServices();
  const saved = useOfficeData(useCallback((t) => t.fetchCaptions(carerId), [carerId]));
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const savedText = saved.kind === 'ready' ? saved.value : null;

  useEffect(() => {
    if (savedText !== null) setText((current) => current ?? savedText);
  }, [savedText]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (text === null || busy) return;
    const parsed = parseCaptionLines(text);
    if ('problems' in parsed) {
      setError(parsed.problems.join(' '));
      setMessage('');
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      setText(await transport.saveCaptions(carerId, text));
      setMessage(parsed.cues.length === 0 ? 'Captions removed.' : `Captions saved: ${parsed.cues.length} ${parsed.cues.length === 1 ? 'line' : 'lines'}.`);
    } catch (failure) {
      setMessage(failureText('Captions not saved', failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" noValidate onSubmit={(e) => void save(e)} aria-label="Captions">
      {text === null ? (
        <p className="loading">{saved.kind === 'loading' ? 'Asking the office for the captions…' : 'The captions can be written when there is a connection to the office.'}</p>
      ) : (
        <>
          <TextAreaField
            id={`captions-${carerId}`}
            label="Captions: what you say in your film"
            hint="One line for each thing you say, starting with the time you say it, like: 0:05 I have been a carer for six years."
            rows={8}
            value={text}
            error={error}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="button secondary" disabled={busy}>
            {busy ? 'Saving…' : 'Save the captions'}
          </button>
        </>
      )}
      <p role="status">{message}</p>
    </form>
  );
}
