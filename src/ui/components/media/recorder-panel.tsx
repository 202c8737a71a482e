import { useEffect, useRef, type ChangeEvent } from 'react';
import type { UploadKind } from '../../../domain/media-uploads';
import { percentDone } from '../../format/words';
import { useMediaSender, type SendStep } from './media-sender';
import { canRecord, useRecording } from './use-recording';

/**
 * Record a one-minute film (or a short voice recording) in the app: a live picture, a countdown that
 * can be seen, stopping by itself at the end; then watch or listen to it, record it again, or send it.
 * A file can be chosen instead. Sending shows how far the upload and then the office's work have got.
 */
export function RecorderPanel({
  carerId,
  kind,
  title,
  maxSeconds,
  onReady,
}: {
  carerId: string;
  kind: Extract<UploadKind, 'film' | 'voice-appreciated' | 'voice-matters'>;
  title: string;
  maxSeconds: number;
  onReady: () => void;
}) {
  const video = kind === 'film';
  const recording = useRecording({ video, maxSeconds });
  const sender = useMediaSender(carerId, kind, onReady);
  const live = useRef<HTMLVideoElement>(null);
  const { step } = recording;
  const noun = video ? 'film' : 'recording';
  const base = `${kind}-${carerId}`;

  useEffect(() => {
    if (live.current) live.current.srcObject = recording.stream;
  }, [recording.stream]);

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) {
      sender.reset();
      recording.chooseFile(file);
    }
  };
  const sending = sender.step.kind === 'sending' || sender.step.kind === 'processing';

  return (
    <section className="card recorder" aria-labelledby={`${base}-title`}>
      <h3 id={`${base}-title`}>{title}</h3>
      {step.kind === 'recording' && (
        <p className="countdown" role="timer" aria-live="off">
          <span aria-hidden="true">{formatSeconds(step.secondsLeft)}</span>
          <span className="visually-hidden">{step.secondsLeft} seconds left</span>
        </p>
      )}
      {step.kind === 'recording' && <CountdownAnnouncer secondsLeft={step.secondsLeft} />}
      {video && (step.kind === 'starting' || step.kind === 'recording') && <video ref={live} className="recorder-live" autoPlay muted playsInline aria-label="What the camera sees" />}
      {!video && step.kind === 'recording' && <p className="notice">Recording: speak now.</p>}
      {step.kind === 'recorded' &&
        (video ? (
          <video className="recorder-preview" src={step.url} controls playsInline aria-label={`Your ${noun}, to watch before sending`} />
        ) : (
          <audio src={step.url} controls aria-label={`Your ${noun}, to listen to before sending`} />
        ))}
      {step.kind === 'refused' && (
        <p className="error-summary" role="alert">
          {step.message}
        </p>
      )}

      <div className="button-row">
        {canRecord() && (step.kind === 'idle' || step.kind === 'refused') && (
          <button type="button" className="button" onClick={() => void recording.start()}>
            {video ? `Record a ${maxSeconds}-second film` : 'Record'}
          </button>
        )}
        {step.kind === 'recording' && (
          <button type="button" className="button" onClick={recording.stop}>
            Stop recording
          </button>
        )}
        {step.kind === 'recorded' && !sending && sender.step.kind !== 'done' && (
          <>
            <button type="button" className="button" onClick={() => void sender.send(step.blob, fileNameFor(kind, step.blob.type))}>
              Send this {noun}
            </button>
            {canRecord() && (
              <button type="button" className="button secondary" onClick={() => (sender.reset(), void recording.start())}>
                Record again
              </button>
            )}
          </>
        )}
      </div>
      {step.kind !== 'recording' && step.kind !== 'starting' && !sending && (
        <div className="field">
          <label htmlFor={`${base}-file`}>{canRecord() ? `Or choose a ${noun} file` : `Choose a ${noun} file`}</label>
          <input id={`${base}-file`} type="file" accept={video ? 'video/*' : 'audio/*'} onChange={chooseFile} />
        </div>
      )}
      <SendProgress step={sender.step} noun={noun} />
    </section>
  );
}

function SendProgress({ step, noun }: { step: SendStep; noun: string }) {
  switch (step.kind) {
    case 'idle':
      return <p role="status" />;
    case 'sending':
      return (
        <div role="status">
          <label>
            Sending your {noun}: {percentDone(step.fraction, 1)}%
            <progress max={1} value={step.fraction} />
          </label>
        </div>
      );
    case 'processing':
      return (
        <div role="status">
          <label>
            {step.queued ? `Sent. Waiting its turn at the office…` : `Sent. The office is getting it ready: ${percentDone(step.fraction, 1)}%`}
            <progress max={1} value={step.fraction} />
          </label>
        </div>
      );
    case 'done':
      return (
        <p role="status" className="notice">
          Your {noun} is ready. It is on your profile now.
        </p>
      );
    case 'failed':
      return (
        <p role="alert" className="error-summary">
          {step.message}
        </p>
      );
  }
}

/** Says the time left at 30 and 10 seconds, and not every second (which would talk over the recording). */
function CountdownAnnouncer({ secondsLeft }: { secondsLeft: number }) {
  const said = secondsLeft <= 10 ? '10 seconds left' : secondsLeft <= 30 ? '30 seconds left' : '';
  return (
    <p className="visually-hidden" aria-live="polite">
      {said}
    </p>
  );
}

const formatSeconds = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

function fileNameFor(kind: UploadKind, type: string): string {
  const extension = type.includes('mp4') ? (kind === 'film' ? 'mp4' : 'm4a') : 'webm';
  return `${kind}.${extension}`;
}
