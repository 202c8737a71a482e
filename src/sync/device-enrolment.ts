import type { SessionInfo } from '../domain/api';
import type { DeviceRecord } from '../local-db/database';
import type { Transport } from './transport';

/** Who may enrol a tablet: the roles that take visit packs out to people's homes, and admins. */
const ENROLLING_ROLES: ReadonlySet<SessionInfo['user']['role']> = new Set(['organiser', 'admin']);

/** Whether this account takes visit packs out on a tablet: then the tablet is enrolled and gets the office's key. */
export const takesVisitsOut = (session: SessionInfo): boolean => ENROLLING_ROLES.has(session.user.role);

/**
 * Enrols this tablet when an organiser or admin signs in on it, again at each sign-in: the office then
 * sets a fresh device token (an HttpOnly cookie the page never sees), replacing one the browser lost.
 * A revoked tablet's enrolment is answered 'device-revoked', which wipes it (see createHttpTransport).
 */
export async function enrolThisTablet(transport: Pick<Transport, 'enrolDevice'>, session: SessionInfo, device: DeviceRecord): Promise<boolean> {
  if (!takesVisitsOut(session)) return false;
  await transport.enrolDevice({ deviceId: device.deviceId, label: device.label });
  return true;
}
