import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEVICE_LABEL_MAX_CHARS, describeDevice } from '../../src/domain/device-label';

const UA = {
  iPadSafari:
    'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  iPadHomeScreen: 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  iPadDesktopMode:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  iPadChrome:
    'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  androidTablet:
    'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  androidPhone:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  samsungTablet:
    'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Safari/537.36',
  linuxChrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  linuxHeadless:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
  windowsEdge:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
  windowsFirefox: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0',
  chromebook: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
};

describe('describeDevice', () => {
  it.each([
    [UA.iPadSafari, 'Safari on iPad'],
    [UA.iPadHomeScreen, 'Safari on iPad'],
    [UA.iPadChrome, 'Chrome on iPad'],
    [UA.androidTablet, 'Chrome on Android tablet'],
    [UA.androidPhone, 'Chrome on Android phone'],
    [UA.samsungTablet, 'Samsung Internet on Android tablet'],
    [UA.linuxChrome, 'Chrome on Linux'],
    [UA.linuxHeadless, 'Chrome on Linux'],
    [UA.windowsEdge, 'Edge on Windows'],
    [UA.windowsFirefox, 'Firefox on Windows'],
    [UA.chromebook, 'Chrome on Chromebook'],
    ['Mozilla/5.0 Firefox/127.0', 'Firefox'],
  ])('names %s as %s', (ua, label) => {
    expect(describeDevice(ua)).toBe(label);
  });

  it('tells an iPad asking for desktop sites from a Mac by its touch points', () => {
    expect(describeDevice(UA.iPadDesktopMode, 5)).toBe('Safari on iPad');
    expect(describeDevice(UA.iPadDesktopMode, 0)).toBe('Safari on Mac');
  });

  it('still gives a label when it recognises nothing', () => {
    expect(describeDevice('')).toBe('Unknown device');
    expect(describeDevice('curl/8.5.0')).toBe('Unknown device');
  });

  it('always gives a label the office accepts: 1 to 80 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.nat(10), (ua, touch) => {
        const label = describeDevice(ua, touch);
        expect(label.trim().length).toBeGreaterThan(0);
        expect(label.length).toBeLessThanOrEqual(DEVICE_LABEL_MAX_CHARS);
      }),
    );
  });
});
