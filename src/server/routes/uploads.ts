import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { Server as TusServer } from '@tus/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  MEDIA_JOB_HEADER,
  needsFfmpeg,
  tooLargeMessage,
  UPLOAD_LIMITS,
  UPLOADS_PATH,
  UploadMetadataSchema,
  type UploadMetadata,
} from '../../domain/media-uploads';
import { auditActorOf, recordAudit, type AuditActor } from '../audit/record-audit';
import type { SessionAuth } from '../auth/sessions';
import type { Db } from '../database/db';
import { HttpError, notAllowed, notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';
import { ffmpegMissing } from '../media/check-upload';
import { MediaProcessor } from '../media/media-processor';
import type { MediaTools } from '../media/media-tools';
import { parseUploadMetadata } from '../media/upload-metadata';

/** A tablet that loses its connection has this long to come back and finish sending. */
const UPLOAD_EXPIRY_MS = 3 * 24 * 3600_000;
const SWEEP_EVERY_MS = 6 * 3600_000;
const LARGEST_UPLOAD_BYTES = Math.max(...Object.values(UPLOAD_LIMITS).map((l) => l.maxBytes));
const TUS_UPLOAD_ID = /^[0-9a-f]{32}$/;
const NO_SUCH_UPLOAD = 'There is no such upload: it has finished, expired or belongs to someone else. Send the file again.';

/** Who sent an upload and for whom, kept with it by the office (the client's metadata cannot set these). */
interface StoredUploadMetadata extends UploadMetadata {
  organisationId: string;
  createdBy: string;
}

/** What one request's handling knows, shared between the route and the tus hooks it calls. */
interface UploadRequest {
  auth: SessionAuth;
  /** Who is sending, for the audit entry of a finished upload. */
  actor: AuditActor;
  metadata: UploadMetadata;
  /** Set when the finished upload was refused: sent as the answer instead of tus's. */
  refusal?: unknown;
  /** Deleting the upload's bytes, once tus has answered (tus may still read the upload until then). */
  afterAnswer?: () => Promise<void>;
}

export interface UploadRouteDeps {
  db: Db;
  mediaDir: string;
  /** The tus uploads in progress (bytes and a .json record each) and transcodes' work files; next to the media directory. */
  uploadsDir: string;
  tools: () => Promise<MediaTools>;
}

/**
 * The tus protocol (resumable uploads) at /api/uploads, behind the session. Fastify leaves tus's bodies
 * unread (its own content-type parser would buffer them), and tus's answers are sent through Fastify's
 * reply, so the API's hooks (no-store) and error bodies apply to them like any other route.
 *
 * POST creates an upload (refused before any bytes if it is too large, for a carer the session may not
 * change, or a film or voice while the server has no ffmpeg); PATCH sends bytes; HEAD says how many have
 * arrived (to resume); DELETE gives up. The last PATCH is answered only once the content is checked: a
 * refusal is a 4xx ApiError, success carries the job's id in the `Hearth-Media-Job` header
 * (GET /api/media-jobs?uploadId= finds it too, for a tablet that lost that answer).
 */
export function uploadRoutes(deps: UploadRouteDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    const { db, uploadsDir } = deps;
    requireSession(app, db, ['organiser', 'care-worker']);
    await mkdir(uploadsDir, { recursive: true });
    const processor = new MediaProcessor({ ...deps, log: (message, err) => app.log.error({ err }, message) });
    // Stops a running ffmpeg and fails the jobs still waiting, before the database closes.
    app.addHook('onClose', () => processor.close());
    // Left unread here: tus streams the body to disk itself, checking it against Upload-Length.
    app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

    const store = new FileStore({ directory: uploadsDir, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });
    const requests = new WeakMap<Request, UploadRequest>();
    const tus = new TusServer({
      path: UPLOADS_PATH,
      datastore: store,
      relativeLocation: true,
      // Same origin only: the tablet's app is served by this server, and no other site gets CORS headers.
      allowedOrigins: () => false,
      maxSize: (req) => {
        const kind = requests.get(req)?.metadata.kind;
        return kind ? UPLOAD_LIMITS[kind].maxBytes : LARGEST_UPLOAD_BYTES;
      },
      async onUploadCreate(req, upload) {
        const { auth, metadata } = requests.get(req)!;
        const stored: StoredUploadMetadata = { ...metadata, organisationId: auth.organisationId, createdBy: auth.userId };
        return { metadata: { ...upload.metadata, ...stored } };
      },
      async onUploadFinish(req, upload) {
        const request = requests.get(req)!;
        const { metadata, auth } = request;
        const removeUpload = () => store.remove(upload.id).catch(() => undefined);
        try {
          const { jobId, keepUpload } = await processor.finishUpload({
            uploadId: upload.id,
            filePath: path.join(uploadsDir, upload.id),
            organisationId: auth.organisationId,
            carerId: metadata.carerId,
            kind: metadata.kind,
            filename: metadata.filename,
            createdBy: storedMetadataOf(upload.metadata)?.createdBy ?? auth.userId,
            removeUpload,
          });
          if (!keepUpload) request.afterAnswer = removeUpload;
          // A new film, photo or voice for the carer's profile, accepted: one entry per upload, not per PATCH.
          await recordAudit(db, request.actor, 'media.uploaded', { type: 'carer', id: metadata.carerId });
          return { headers: { [MEDIA_JOB_HEADER]: jobId } };
        } catch (error) {
          request.refusal = error;
          request.afterAnswer = removeUpload;
          throw { status_code: 500, body: 'Refused\n' };
        }
      },
    });

    async function forward(request: FastifyRequest, reply: FastifyReply, context: UploadRequest): Promise<FastifyReply> {
      const webRequest = toWebRequest(request);
      requests.set(webRequest, context);
      const answer = await tus.handleWeb(webRequest);
      await context.afterAnswer?.();
      if (context.refusal) throw context.refusal;
      reply.code(answer.status);
      answer.headers.forEach((value, name) => {
        if (!/^(access-control-|content-length$)/i.test(name)) reply.header(name, value);
      });
      const body = await answer.text();
      return reply.send(body === '' ? undefined : body);
    }

    app.post(UPLOADS_PATH, async (request, reply) => {
      const auth = authOf(request);
      const metadataHeader = header(request, 'upload-metadata');
      if (namesPrototypeKey(metadataHeader)) {
        throw new HttpError(400, 'invalid-request', "The upload's metadata (Upload-Metadata) has a key Hearth does not take: __proto__.");
      }
      const raw = parseUploadMetadata(metadataHeader);
      if (!raw) throw new HttpError(400, 'invalid-request', 'The upload\'s metadata (Upload-Metadata) is not in the tus format.');
      const metadata = parseInput(UploadMetadataSchema, raw, "the upload's metadata");
      await assertMayChangeCarer(db, auth, metadata.carerId);

      const length = header(request, 'upload-length');
      if (length === undefined || !/^\d{1,15}$/.test(length)) {
        throw new HttpError(400, 'invalid-request', 'Say how large the file is (Upload-Length) when the upload starts.');
      }
      const bytes = Number(length);
      if (bytes === 0) throw new HttpError(422, 'invalid-file', `${metadata.filename} is empty. Choose the file again.`);
      if (bytes > UPLOAD_LIMITS[metadata.kind].maxBytes) throw new HttpError(413, 'file-too-large', tooLargeMessage(metadata.kind, bytes));
      if (needsFfmpeg(metadata.kind) && !(await deps.tools())) throw ffmpegMissing(metadata.kind);
      return forward(request, reply, { auth, actor: auditActorOf(request), metadata });
    });

    app.route<{ Params: { id: string } }>({
      method: ['HEAD', 'PATCH', 'DELETE'],
      url: `${UPLOADS_PATH}/:id`,
      handler: async (request, reply) => {
        const auth = authOf(request);
        const id = request.params.id;
        if (!TUS_UPLOAD_ID.test(id)) throw notFound(NO_SUCH_UPLOAD);
        // Any other type has had its body read by Fastify's parsers (JSON, text), leaving tus nothing to stream.
        if (request.method === 'PATCH' && header(request, 'content-type')?.split(';')[0]?.trim().toLowerCase() !== 'application/offset+octet-stream') {
          throw new HttpError(415, 'invalid-request', "Send the file's bytes as application/offset+octet-stream, as the tus protocol does.");
        }
        const stored = storedMetadataOf((await store.getUpload(id).catch(() => null))?.metadata);
        // Another organisation's upload, or another carer's for a care worker, is one that does not exist.
        if (!stored || stored.organisationId !== auth.organisationId) throw notFound(NO_SUCH_UPLOAD);
        if (auth.role === 'care-worker' && auth.carerId !== stored.carerId) throw notFound(NO_SUCH_UPLOAD);
        return forward(request, reply, { auth, actor: auditActorOf(request), metadata: stored });
      },
    });

    const sweep = () => void store.deleteExpired().catch(() => undefined);
    const timer = setInterval(sweep, SWEEP_EVERY_MS).unref();
    app.addHook('onReady', async () => sweep());
    app.addHook('onClose', async () => clearInterval(timer));
  };
}

/** A carer the session may add a film, photo or voice to: a care worker only their own, an organiser any in their organisation. */
async function assertMayChangeCarer(db: Db, auth: SessionAuth, carerId: string): Promise<void> {
  const rows = await db.query('select 1 from carers where organisation_id = $1 and id = $2', [auth.organisationId, carerId]);
  if (rows.length === 0) throw notFound('There is no such care worker in your organisation.');
  if (auth.role === 'care-worker' && auth.carerId !== carerId) {
    throw notAllowed('A care worker can add a film, photo or recording only to their own profile.');
  }
}

function storedMetadataOf(metadata: Record<string, string | null> | undefined): StoredUploadMetadata | null {
  if (!metadata) return null;
  const { organisationId, createdBy, ...rest } = metadata;
  const parsed = UploadMetadataSchema.safeParse(rest);
  if (!parsed.success || !organisationId || !createdBy) return null;
  return { ...parsed.data, organisationId, createdBy };
}

/**
 * A `__proto__` key: written into a plain object it is the prototype's setter, so the key would vanish
 * silently (a string value is ignored) and never reach the strict schema that refuses unknown keys.
 * Refused outright instead, like any other key an upload does not take.
 */
function namesPrototypeKey(metadataHeader: string | undefined): boolean {
  return metadataHeader !== undefined && metadataHeader.split(',').some((pair) => pair.trim().split(' ')[0] === '__proto__');
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The same request as a web Request for tus, its body still the unread Node stream. */
function toWebRequest(request: FastifyRequest): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(request.url.split('?')[0]!, 'http://hearth.invalid');
  const hasBody = request.method === 'PATCH' || (request.method === 'POST' && request.headers['content-type'] === 'application/offset+octet-stream');
  return new Request(url, {
    method: request.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(request.raw) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}
