import { useCallback, useState } from 'react';
import type { UploadKind } from '../../../domain/media-uploads';
import { httpMediaUploader } from '../../../sync/media-uploader';
import { ApiFailure, NetworkFailure } from '../../../sync/transport';
import { useAppServices } from '../../app';

export type SendStep =
  | { kind: 'idle' }
  | { kind: 'sending'; fraction: number }
  | { kind: 'processing'; fraction: number; queued: boolean }
  | { kind: 'done' }
  | { kind: 'failed'; message: string };

/** Sends a recording or chosen file to the office and follows it until it is ready, with progress for each part. */
export function useMediaSender(carerId: string, kind: UploadKind, onReady: () => void) {
  const { media = httpMediaUploader } = useAppServices();
  const [step, setStep] = useState<SendStep>({ kind: 'idle' });

  const send = useCallback(
    async (file: Blob, filename: string) => {
      setStep({ kind: 'sending', fraction: 0 });
      try {
        const sent = await media.upload({ carerId, kind, file, filename, onProgress: (fraction) => setStep({ kind: 'sending', fraction }) });
        setStep({ kind: 'processing', fraction: 0, queued: true });
        await media.waitForJob(sent.jobId, {
          onProgress: (job) => setStep({ kind: 'processing', fraction: job.progress, queued: job.state === 'queued' }),
        });
        setStep({ kind: 'done' });
        onReady();
      } catch (error) {
        setStep({ kind: 'failed', message: failureText(error) });
      }
    },
    [media, carerId, kind, onReady],
  );

  return { step, send, reset: useCallback(() => setStep({ kind: 'idle' }), []) };
}

function failureText(error: unknown): string {
  if (error instanceof NetworkFailure) return 'Not sent: the office could not be reached. Try again when there is a connection: it carries on from where it stopped.';
  if (error instanceof ApiFailure) return `Not taken: ${error.message}`;
  return `Not sent: ${error instanceof Error ? error.message : String(error)}`;
}
