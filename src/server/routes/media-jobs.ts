import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { UuidSchema } from '../../domain/ids';
import type { MediaJob } from '../../domain/media-uploads';
import type { Db } from '../database/db';
import { notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';
import { findJob } from '../media/media-job-queries';

const NO_SUCH_JOB = 'There is no such film, photo or recording being made ready. Send it again.';
const JobQuerySchema = z.object({ uploadId: z.string().regex(/^[0-9a-f]{32}$/, 'must be an upload id') }).strict();

/** Where making a film, photo or voice ready has got to: polled by the tablet after its upload. Same access as the upload. */
export function mediaJobRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db, ['organiser', 'care-worker']);

    app.get<{ Params: { id: string } }>('/api/media-jobs/:id', async (request): Promise<MediaJob> => {
      if (!UuidSchema.safeParse(request.params.id).success) throw notFound(NO_SUCH_JOB);
      const job = await findJob(db, authOf(request), { id: request.params.id });
      if (!job) throw notFound(NO_SUCH_JOB);
      return job;
    });

    /** For a tablet that sent every byte but lost the answer carrying the job's id. */
    app.get('/api/media-jobs', async (request): Promise<MediaJob> => {
      const { uploadId } = parseInput(JobQuerySchema, request.query, 'the query');
      const job = await findJob(db, authOf(request), { uploadId });
      if (!job) throw notFound(NO_SUCH_JOB);
      return job;
    });
  };
}
