import { z } from 'zod';

/** A lower-case hex SHA-256 digest: the id of every content-addressed file in a visit pack. */
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest');
export type Sha256 = z.infer<typeof Sha256Schema>;

export const UuidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a UUID');

/**
 * Makes a UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits.
 * Time and randomness are passed in so that the domain stays pure and tests are repeatable.
 */
export function uuidv7(unixMs: number, random: Uint8Array): string {
  if (random.length < 10) throw new Error('uuidv7 needs at least 10 random bytes');
  if (!Number.isInteger(unixMs) || unixMs < 0) throw new Error('uuidv7 needs a non-negative integer time');
  const bytes = new Uint8Array(16);
  let ms = unixMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  for (let i = 6; i < 16; i++) bytes[i] = random[i - 6]!;
  bytes[6] = (bytes[6]! & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
