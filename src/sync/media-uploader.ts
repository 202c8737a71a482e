import type { MediaJob, UploadKind } from '../domain/media-uploads';
import { uploadMedia, waitForMediaJob, type SentUpload, type UploadFile } from './media-upload';

/** What the app's screens need to send a film, photo or voice and wait until the office has made it ready. */
export interface MediaUploader {
  /** Sends the file resumably; resolves once the office has every byte and accepted the content. */
  upload(request: { carerId: string; kind: UploadKind; file: UploadFile; filename: string; onProgress?: (fraction: number) => void; signal?: AbortSignal }): Promise<SentUpload>;
  /** Resolves when the office has made the file ready; rejects with the office's reason when it could not. */
  waitForJob(jobId: string, options?: { onProgress?: (job: MediaJob) => void; signal?: AbortSignal }): Promise<MediaJob>;
}

/** The app's uploader: tus to the office this page came from, with the session cookie. */
export const httpMediaUploader: MediaUploader = {
  upload: (request) => uploadMedia(request),
  waitForJob: (jobId, options) => waitForMediaJob(jobId, options),
};
