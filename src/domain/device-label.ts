/** The longest label the office accepts (PushRequest.deviceLabel). */
export const DEVICE_LABEL_MAX_CHARS = 80;

type Pattern = readonly [RegExp, string];

// Order matters: many browsers also claim to be Chrome or Safari, so the specific ones come first.
const BROWSERS: readonly Pattern[] = [
  [/EdgA?\/|EdgiOS\//, 'Edge'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/OPR\/|OPiOS\//, 'Opera'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/CriOS\/|HeadlessChrome\/|Chrome\/|Chromium\//, 'Chrome'],
  [/AppleWebKit\//, 'Safari'], // includes the Home Screen app on iPad, whose user agent has no "Safari/" token
];

/**
 * A short name for this device that a person in the office can recognise, e.g. "Safari on iPad".
 * iPadOS Safari asks for desktop sites and reports itself as a Mac, so the number of touch points
 * (navigator.maxTouchPoints) is what tells an iPad from a Mac.
 */
export function describeDevice(userAgent: string, maxTouchPoints = 0): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const device = deviceOf(userAgent, maxTouchPoints);
  const label = browser && device ? `${browser} on ${device}` : (browser ?? device ?? 'Unknown device');
  return label.slice(0, DEVICE_LABEL_MAX_CHARS);
}

function deviceOf(ua: string, maxTouchPoints: number): string | undefined {
  if (/iPad/.test(ua)) return 'iPad';
  if (/iPhone|iPod/.test(ua)) return 'iPhone';
  if (/Android/.test(ua)) return /Mobile/.test(ua) ? 'Android phone' : 'Android tablet';
  if (/CrOS/.test(ua)) return 'Chromebook';
  if (/Macintosh|Mac OS X/.test(ua)) return maxTouchPoints > 1 ? 'iPad' : 'Mac';
  if (/Windows/.test(ua)) return 'Windows';
  if (/Linux|X11/.test(ua)) return 'Linux';
  return undefined;
}
