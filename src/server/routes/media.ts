import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Sha256Schema } from '../../domain/ids';
import type { Db } from '../database/db';
import { HttpError, notFound } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';
import { resolveByteRange } from '../media/byte-range';
import { fileSize, mediaFilePath } from '../media/media-store';

const NO_SUCH_FILE = 'There is no such file. Download the visit again.';

export function mediaRoutes(db: Db, mediaDir: string) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);

    app.get<{ Params: { sha256: string } }>('/api/media/:sha256', async (request, reply) => {
      const sha256 = request.params.sha256;
      // Anything that is not a plain digest (e.g. "../../etc/passwd") never reaches the file system.
      if (!Sha256Schema.safeParse(sha256).success) throw notFound(NO_SUCH_FILE);
      const rows = await db.query<{ type: string; path: string }>(
        'select type, path from media where organisation_id = $1 and sha256 = $2',
        [authOf(request).organisationId, sha256],
      );
      const row = rows[0];
      const filePath = row && mediaFilePath(mediaDir, row.path);
      const size = filePath ? await fileSize(filePath) : null;
      if (!row || !filePath || size === null) throw notFound(NO_SUCH_FILE);

      reply
        .header('content-type', row.type)
        .header('accept-ranges', 'bytes')
        .header('cache-control', 'no-store')
        .header('etag', `"${sha256}"`);

      const range = resolveByteRange(request.headers.range, size);
      switch (range.kind) {
        case 'unsatisfiable':
          reply.header('content-range', `bytes */${size}`);
          throw new HttpError(416, 'range-not-satisfiable', `That part of the file does not exist: it is ${size} bytes long.`);
        case 'partial':
          reply
            .code(206)
            .header('content-range', `bytes ${range.start}-${range.end}/${size}`)
            .header('content-length', range.end - range.start + 1);
          return reply.send(createReadStream(filePath, { start: range.start, end: range.end }));
        case 'whole':
          reply.header('content-length', size);
          return reply.send(size === 0 ? '' : createReadStream(filePath));
      }
    });
  };
}
