import { useCallback, useEffect, useRef, useState } from 'react';

export type RecordingStep =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'recording'; secondsLeft: number }
  | { kind: 'recorded'; blob: Blob; url: string }
  | { kind: 'refused'; message: string };

/** What this browser can record into, best first: Safari records MP4, Chromium and Firefox WebM. */
const VIDEO_TYPES = ['video/mp4', 'video/webm;codecs=vp8,opus', 'video/webm'];
const AUDIO_TYPES = ['audio/mp4', 'audio/webm;codecs=opus', 'audio/webm'];

export function canRecord(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia && typeof MediaRecorder !== 'undefined';
}

/**
 * Records from the camera and microphone (or the microphone only) for at most `maxSeconds`, counting
 * down each second and stopping by itself at 0. The live camera is `stream`, for a preview; it is
 * switched off when recording ends and when the screen closes, and the recording's object URL is let go.
 */
export function useRecording({ video, maxSeconds }: { video: boolean; maxSeconds: number }) {
  const [step, setStep] = useState<RecordingStep>({ kind: 'idle' });
  const [stream, setStream] = useState<MediaStream | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const url = useRef<string | null>(null);

  const stopCamera = useCallback((s: MediaStream | null) => s?.getTracks().forEach((track) => track.stop()), []);
  const letGoOfUrl = useCallback(() => {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
  }, []);

  useEffect(
    () => () => {
      if (timer.current) clearInterval(timer.current);
      if (recorder.current?.state === 'recording') recorder.current.stop();
      letGoOfUrl();
    },
    [letGoOfUrl],
  );
  useEffect(() => () => stopCamera(stream), [stream, stopCamera]);

  const start = useCallback(async () => {
    letGoOfUrl();
    setStep({ kind: 'starting' });
    let live: MediaStream;
    try {
      live = await navigator.mediaDevices.getUserMedia(video ? { video: { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: true } : { audio: true });
    } catch (error) {
      const denied = error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError');
      setStep({
        kind: 'refused',
        message: denied
          ? `Hearth was not allowed to use the ${video ? 'camera' : 'microphone'}. Allow it in the browser’s settings for this site, or choose a file instead.`
          : `No ${video ? 'camera' : 'microphone'} could be started. Choose a file instead.`,
      });
      return;
    }
    setStream(live);
    const mimeType = (video ? VIDEO_TYPES : AUDIO_TYPES).find((type) => MediaRecorder.isTypeSupported(type));
    const media = new MediaRecorder(live, mimeType ? { mimeType } : undefined);
    const chunks: Blob[] = [];
    media.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data);
    media.onstop = () => {
      if (timer.current) clearInterval(timer.current);
      stopCamera(live);
      setStream(null);
      const blob = new Blob(chunks, { type: (media.mimeType || mimeType || (video ? 'video/webm' : 'audio/webm')).split(';')[0] });
      url.current = URL.createObjectURL(blob);
      setStep({ kind: 'recorded', blob, url: url.current });
    };
    recorder.current = media;
    media.start(1000);
    const startedAt = Date.now();
    setStep({ kind: 'recording', secondsLeft: maxSeconds });
    timer.current = setInterval(() => {
      const left = Math.max(0, maxSeconds - Math.floor((Date.now() - startedAt) / 1000));
      setStep((current) => (current.kind === 'recording' ? { kind: 'recording', secondsLeft: left } : current));
      if (left === 0 && media.state === 'recording') media.stop();
    }, 250);
  }, [video, maxSeconds, letGoOfUrl, stopCamera]);

  const stop = useCallback(() => {
    if (recorder.current?.state === 'recording') recorder.current.stop();
  }, []);

  /** A file chosen instead of recording: previewed the same way. */
  const chooseFile = useCallback(
    (file: Blob) => {
      letGoOfUrl();
      url.current = URL.createObjectURL(file);
      setStep({ kind: 'recorded', blob: file, url: url.current });
    },
    [letGoOfUrl],
  );

  const reset = useCallback(() => {
    letGoOfUrl();
    setStep({ kind: 'idle' });
  }, [letGoOfUrl]);

  return { step, stream, start, stop, chooseFile, reset };
}
