import { z } from 'zod';
import { DEVICE_LABEL_MAX_CHARS } from './device-label';
import { UuidSchema } from './ids';

/**
 * POST /api/devices: an organiser or admin signed in on a tablet enrols it under the id the tablet made
 * for itself (its events already carry that id). The answer sets the device token as an HttpOnly cookie.
 */
export const EnrolDeviceRequestSchema = z
  .object({
    deviceId: UuidSchema,
    label: z.string().trim().min(1, 'must not be empty').max(DEVICE_LABEL_MAX_CHARS),
  })
  .strict();
export type EnrolDeviceRequest = z.infer<typeof EnrolDeviceRequestSchema>;

/**
 * enrolled: set up by an organiser or admin, and may fetch visit packs.
 * not-enrolled: known only because it sent records before enrolment existed; it may not fetch packs.
 * revoked: removed (lost or stolen); its next contact wipes it, and nothing it sends is kept.
 */
export const DeviceStatusSchema = z.enum(['enrolled', 'not-enrolled', 'revoked']);
export type DeviceStatus = z.infer<typeof DeviceStatusSchema>;

/** One tablet, as the Devices screen shows it. */
export const DeviceViewSchema = z
  .object({
    id: UuidSchema,
    label: z.string(),
    status: DeviceStatusSchema,
    /** The name of who enrolled it, and when (null for a not-enrolled tablet). */
    enrolledBy: z.string().nullable(),
    enrolledAt: z.string().nullable(),
    lastSeenAt: z.string(),
    revokedBy: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .strict();
export type DeviceView = z.infer<typeof DeviceViewSchema>;

export const DeviceListSchema = z.object({ devices: z.array(DeviceViewSchema) }).strict();
