import type { MediaJob, UploadKind } from '../../src/domain/media-uploads';
import type { MediaUploader } from '../../src/sync/media-uploader';
import { ApiFailure, NetworkFailure } from '../../src/sync/transport';
import { testId } from './factories';

/**
 * An office that takes uploads in memory: every file sent, progress in steps, and switches to go
 * offline or have the office refuse the content (as it does a renamed text file).
 */
export class FakeMediaUploader implements MediaUploader {
  online = true;
  /** When set, the office's job fails with this reason after the upload. */
  refuse: { code: 'invalid-file' | 'film-too-long'; message: string } | null = null;
  readonly sent: { carerId: string; kind: UploadKind; filename: string; bytes: number; type: string }[] = [];
  /** Called when a job is done, as the office would change the carer's record. */
  onDone: (upload: { carerId: string; kind: UploadKind }) => void = () => undefined;
  private readonly jobs = new Map<string, { carerId: string; kind: UploadKind }>();

  async upload(request: Parameters<MediaUploader['upload']>[0]) {
    if (!this.online) throw new NetworkFailure();
    const blob = request.file as Blob;
    request.onProgress?.(0.5);
    request.onProgress?.(1);
    this.sent.push({ carerId: request.carerId, kind: request.kind, filename: request.filename, bytes: blob.size, type: blob.type });
    const jobId = testId();
    this.jobs.set(jobId, { carerId: request.carerId, kind: request.kind });
    return { uploadId: testId(), jobId };
  }

  async waitForJob(jobId: string, options: { onProgress?: (job: MediaJob) => void } = {}): Promise<MediaJob> {
    const upload = this.jobs.get(jobId);
    if (!upload) throw new ApiFailure(404, 'not-found', 'There is no such upload.');
    const job = (state: MediaJob['state'], progress: number): MediaJob => ({
      id: jobId,
      carerId: upload.carerId,
      kind: upload.kind,
      uploadId: 'u',
      state,
      progress,
      createdAt: '2026-11-25T10:31:00.000Z',
    });
    options.onProgress?.(job('processing', 0.5));
    if (this.refuse) throw new ApiFailure(422, this.refuse.code, this.refuse.message);
    this.onDone(upload);
    return { ...job('done', 1), resultSha256: 'c'.repeat(64) };
  }
}
