import { fileTypeFromFile } from 'file-type';
import { UPLOAD_LIMITS, type UploadKind } from '../../domain/media-uploads';
import { HttpError } from '../http/api-error';
import { FFMPEG_INSTALL_HINT, type MediaTools } from './media-tools';
import { probeMedia } from './probe';

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

export interface CheckedMedia {
  /** Films and voices; 0 for photos. */
  durationSeconds: number;
}

/**
 * Refuses an upload that is not what its kind says, judged only by its bytes: the file's name and the
 * type the browser declared are never consulted. A film must be a video container that ffprobe reads to
 * the end with a picture and at most 90 seconds; a voice must hold sound; a photo must be JPEG, PNG or WebP.
 */
export async function checkUploadContent(kind: UploadKind, filePath: string, filename: string, tools: MediaTools): Promise<CheckedMedia> {
  const detected = await fileTypeFromFile(filePath);
  const what = detected ? `${detected.ext.toUpperCase()} file` : null;

  if (kind === 'photo') {
    if (detected?.mime === 'image/heic' || detected?.mime === 'image/heif') {
      throw invalid(`${filename} is an iPhone HEIC photo, which Hearth cannot read. Send it as a JPEG (on the iPhone: Settings, Camera, Formats, Most Compatible).`);
    }
    if (!detected || !PHOTO_TYPES.has(detected.mime)) throw invalid(`${filename} is not a photo${what ? `: its content is a ${what}` : ''}. Send a JPEG, PNG or WebP picture.`);
    return { durationSeconds: 0 };
  }

  const isFilm = kind === 'film';
  const expected = isFilm ? 'a film' : 'a sound recording';
  // MediaRecorder's sound-only WebM and MP4 are detected as video containers; the streams inside decide.
  const looksRight = detected !== undefined && (detected.mime.startsWith('video/') || (!isFilm && detected.mime.startsWith('audio/')));
  if (!looksRight) throw invalid(`${filename} is not ${expected}${what ? `: its content is a ${what}` : ''}. ${isFilm ? 'Record the film again or choose a video file.' : 'Record it again.'}`);
  if (!tools) throw ffmpegMissing(kind);

  const probed = await probeMedia(tools, filePath);
  if (!probed) throw invalid(`${filename} is damaged or cut short, so it cannot be played to the end. ${isFilm ? 'Record or send the film again.' : 'Record it again.'}`);
  if (isFilm && !probed.video) throw invalid(`${filename} has no picture, only sound. Send a film.`);
  if (!isFilm && !probed.hasAudio) throw invalid(`${filename} has no sound in it. Record it again.`);

  const limit = UPLOAD_LIMITS[kind].maxSeconds!;
  const seconds = Math.round(probed.durationSeconds);
  if (probed.durationSeconds > limit + 0.5) {
    if (isFilm) throw new HttpError(422, 'film-too-long', `This film is ${seconds} seconds long; the limit is ${limit} seconds. Record a shorter one, about a minute.`);
    throw invalid(`This recording is ${seconds} seconds long; the limit is ${limit / 60} minutes. Read the section out again, a little shorter.`);
  }
  return { durationSeconds: probed.durationSeconds };
}

const invalid = (message: string) => new HttpError(422, 'invalid-file', message);

export function ffmpegMissing(kind: UploadKind): HttpError {
  const what = kind === 'film' ? 'Films' : 'Voice recordings';
  return new HttpError(503, 'ffmpeg-missing', `${what} cannot be taken yet: the office server has no ffmpeg to make them ready. ${FFMPEG_INSTALL_HINT}`);
}
