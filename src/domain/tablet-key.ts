import { z } from 'zod';
import { UuidSchema } from './ids';

/**
 * POST /api/tablet-key: the office's key for this tablet's encrypted storage. The password is asked
 * again (not just the session cookie): a thief holding the tablet, and with it its cookie, must still
 * not be able to fetch the key that opens its records.
 */
export const TabletKeyRequestSchema = z
  .object({
    deviceId: UuidSchema,
    password: z.string().min(1, 'must not be empty').max(200),
  })
  .strict();
export type TabletKeyRequest = z.infer<typeof TabletKeyRequestSchema>;

/** 32 bytes as lower-case hex. */
export const TabletKeyResponseSchema = z.object({ keyHex: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
export type TabletKeyResponse = z.infer<typeof TabletKeyResponseSchema>;
