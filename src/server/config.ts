import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IPv4 or IPv6 address, with an optional /prefix length fitting it. */
function isAddressOrRange(text: string): boolean {
  const [address, prefix, ...rest] = text.split('/');
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const EnvSchema = z.object({
  PORT: z.coerce.number().int('must be a whole number').min(0).max(65535).default(8080),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  /** When set, PostgreSQL is used instead of the PGlite database in DATA_DIR. */
  DATABASE_URL: optionalText.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  ),
  STATIC_DIR: z.string().trim().min(1).default('./dist'),
  /** Where the demo photos and films are copied from on first start (default: <repo>/seed/media). */
  SEED_MEDIA_DIR: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** Test-only: '1' lets a request ask for a failure around its commit (src/server/http/fault-injection.ts). */
  HEARTH_FAULT_INJECTION: optionalText.pipe(z.enum(['0', '1'], "must be '0' or '1'").optional()),
  /** The ffmpeg and ffprobe programs that make films and voices ready (default: found on PATH). */
  HEARTH_FFMPEG: optionalText,
  HEARTH_FFPROBE: optionalText,
  /** 'auto' (default): the session cookie is Secure unless the page is on localhost; 'always': behind a proxy that rewrites Host. */
  HEARTH_COOKIE_SECURE: z.enum(['auto', 'always'], "must be 'auto' or 'always'").default('auto'),
  /**
   * Behind a reverse proxy: the proxy's addresses (comma-separated IPs or CIDR ranges, or loopback,
   * linklocal, uniquelocal), whose X-Forwarded-For/-Host/-Proto are believed. Unset: none are, and every
   * request's address is the connection's. Never "everyone": then any client could name its own address
   * and step round the per-address sign-in limit.
   */
  HEARTH_TRUST_PROXY: optionalText.pipe(
    z
      .string()
      .transform((v) => v.split(',').map((part) => part.trim()))
      .refine((parts) => parts.every((part) => PROXY_NAMES.has(part) || isAddressOrRange(part)), {
        message: 'must list the proxy’s addresses, e.g. 10.0.0.5 or 10.0.0.0/8 or loopback (comma-separated)',
      })
      .optional(),
  ),
  NODE_ENV: optionalText,
});

export interface Config {
  port: number;
  host: string;
  /** Absolute. Holds the PGlite database (pglite/) and the media files (media/). */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Absolute. The Vite build of the PWA. */
  staticDir: string;
  seedMediaDir: string | undefined;
  logLevel: string;
  /** Test-only failures on request (HEARTH_FAULT_INJECTION=1); never on by default, refused in production. */
  faultInjection: boolean;
  /** Commands run for films and voices, when not the ones on PATH (src/server/media/media-tools.ts checks they work). */
  ffmpegPath: string | undefined;
  ffprobePath: string | undefined;
  /** When the session cookie is marked Secure (src/server/auth/session-cookie.ts). */
  cookieSecure: 'auto' | 'always';
  /** The reverse proxies whose forwarded headers are believed (Fastify's trustProxy); false: none. */
  trustProxy: string[] | false;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once, at start-up. A bad value stops the server with a message naming it. */
export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Hearth cannot start: the environment has a bad setting.\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const faultInjection = e.HEARTH_FAULT_INJECTION === '1';
  if (faultInjection && e.NODE_ENV === 'production') {
    throw new ConfigError('Hearth cannot start: HEARTH_FAULT_INJECTION=1 makes requests fail on purpose and is refused when NODE_ENV=production.');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    staticDir: path.resolve(cwd, e.STATIC_DIR),
    seedMediaDir: e.SEED_MEDIA_DIR === undefined ? undefined : path.resolve(cwd, e.SEED_MEDIA_DIR),
    logLevel: e.LOG_LEVEL,
    faultInjection,
    ffmpegPath: e.HEARTH_FFMPEG,
    ffprobePath: e.HEARTH_FFPROBE,
    cookieSecure: e.HEARTH_COOKIE_SECURE,
    trustProxy: e.HEARTH_TRUST_PROXY ?? false,
  };
}
