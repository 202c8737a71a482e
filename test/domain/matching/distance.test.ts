import { describe, expect, it } from 'vitest';
import { haversineKm, tooFarReason, travelRangeKm } from '../../../src/domain/matching/distance';

describe('distance', () => {
  it('measures great-circle distance in km', () => {
    const blackpoolTower = { lat: 53.8159, lon: -3.0553 };
    const prestonStation = { lat: 53.7573, lon: -2.7077 };
    expect(haversineKm(blackpoolTower, prestonStation)).toBeCloseTo(23.8, 0);
    expect(haversineKm(blackpoolTower, blackpoolTower)).toBe(0);
    // London to Paris, a textbook check: about 344 km.
    expect(haversineKm({ lat: 51.5074, lon: -0.1278 }, { lat: 48.8566, lon: 2.3522 })).toBeCloseTo(343.6, 0);
  });

  it('uses 15 km for drivers and 5 km for non-drivers unless the carer states a range', () => {
    expect(travelRangeKm({})).toBe(15);
    expect(travelRangeKm({ drives: true })).toBe(15);
    expect(travelRangeKm({ drives: false })).toBe(5);
    expect(travelRangeKm({ travelKm: 8 })).toBe(8);
    expect(travelRangeKm({ travelKm: 12, drives: false })).toBe(12);
  });

  it('explains in whole km', () => {
    expect(tooFarReason(13.6, 8)).toBe('14 km away; travels up to 8 km');
    expect(tooFarReason(25.2, 5)).toBe('25 km away; travels up to 5 km');
  });

  it('shows a decimal only where whole km would look within range', () => {
    expect(tooFarReason(8.4, 8)).toBe('8.4 km away; travels up to 8 km');
    expect(tooFarReason(7.6, 7.5)).toBe('7.6 km away; travels up to 7.5 km');
  });
});
