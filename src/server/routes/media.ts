import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Sha256Schema } from '../../domain/ids';
import { auditActorOf } from '../audit/record-audit';
import { recordMediaRead } from '../audit/record-media-read';
import type { Db } from '../database/db';
import { HttpError, notFound } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';
import { resolveByteRange, type RangeAnswer } from '../media/byte-range';
import { fileSize, mediaFilePath } from '../media/media-store';

const NO_SUCH_FILE = 'There is no such file. Download the visit again.';

export function mediaRoutes(db: Db, mediaDir: string) {
  return async (app: FastifyInstance): Promise<void> => {
    // A care worker sees only their own photo, film, poster, captions and voices (their profile's preview).
    requireSession(app, db, ['organiser', 'care-worker']);

    app.get<{ Params: { sha256: string } }>('/api/media/:sha256', async (request, reply) => {
      const sha256 = request.params.sha256;
      // Anything that is not a plain digest (e.g. "../../etc/passwd") never reaches the file system.
      if (!Sha256Schema.safeParse(sha256).success) throw notFound(NO_SUCH_FILE);
      const auth = authOf(request);
      const rows = await db.query<{ type: string; path: string }>(
        `select m.type, m.path from media m
          where m.organisation_id = $1 and m.sha256 = $2
            and ($3::uuid is null or exists (
                  select 1 from carers c
                   where c.organisation_id = m.organisation_id and c.id = $3
                     and m.sha256 in (c.photo_sha256, c.film_sha256, c.poster_sha256, c.captions_sha256,
                                      c.voice_appreciated_sha256, c.voice_matters_sha256)))`,
        [auth.organisationId, sha256, auth.role === 'care-worker' ? auth.carerId : null],
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
      if (isOpening(request.method, range)) await recordMediaRead(db, auditActorOf(request), sha256, auth.role === 'care-worker' ? auth.carerId : null);
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

/**
 * Whether this request opens the file, and so gets an audit entry: a whole-file read, or a range that
 * starts at byte 0. A film plays as many Range requests (the first from byte 0, then the rest as it is
 * watched or seeked), and a download cut off resumes from where it stopped: the chunks after the first
 * are the same viewing, and an entry each would bury the log (and cost a write per chunk on a pack
 * download). A HEAD sends no bytes. Watching a film again from its start is entered again: it is seen again.
 */
function isOpening(method: string, range: RangeAnswer): boolean {
  if (method === 'HEAD') return false;
  return range.kind === 'whole' || (range.kind === 'partial' && range.start === 0);
}
