import type { GeoPoint, MatchStaff } from './scenario';

const EARTH_RADIUS_KM = 6371.0088;
const RADIANS_PER_DEGREE = Math.PI / 180;

/** How far a carer travels when their profile doesn't say. */
export const DEFAULT_TRAVEL_KM = 15;
/** Carers who don't drive have a smaller default range. */
export const DEFAULT_TRAVEL_KM_WITHOUT_CAR = 5;

/** A point in radians with its cosine, computed once per carer instead of once per comparison. */
export interface PlacedPoint {
  readonly lat: number;
  readonly lon: number;
  readonly cosLat: number;
}

export function placePoint(point: GeoPoint): PlacedPoint {
  const lat = point.lat * RADIANS_PER_DEGREE;
  return { lat, lon: point.lon * RADIANS_PER_DEGREE, cosLat: Math.cos(lat) };
}

/** Great-circle distance (haversine), in km. */
export function distanceKm(a: PlacedPoint, b: PlacedPoint): number {
  return greatCircleKm(a.lat, a.lon, a.cosLat, b.lat, b.lon, b.cosLat);
}

/** The same, from radians and cosines held in typed arrays (the hard filter's hot loop). */
export function greatCircleKm(latA: number, lonA: number, cosLatA: number, latB: number, lonB: number, cosLatB: number): number {
  const sinLat = Math.sin((latB - latA) / 2);
  const sinLon = Math.sin((lonB - lonA) / 2);
  const h = sinLat * sinLat + cosLatA * cosLatB * sinLon * sinLon;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  return distanceKm(placePoint(a), placePoint(b));
}

/** The carer's own stated range when given (even if they don't drive), else the default for how they travel. */
export function travelRangeKm(carer: Pick<MatchStaff, 'travelKm' | 'drives'>): number {
  if (carer.travelKm !== undefined) return carer.travelKm;
  return carer.drives === false ? DEFAULT_TRAVEL_KM_WITHOUT_CAR : DEFAULT_TRAVEL_KM;
}

/** "14 km away" for every whole distance up to this, made once: most excluded carers are simply far away. */
const KM_AWAY_CACHED = 1000;
const KM_AWAY: readonly string[] = Array.from({ length: KM_AWAY_CACHED + 1 }, (_, km) => `${km} km away`);

/** "; travels up to 8 km": the part of a too-far reason that depends only on the carer. */
export function travelsUpToText(range: number): string {
  return `; travels up to ${Math.round(range)} km`;
}

/**
 * "14 km away; travels up to 8 km". Whole km, unless rounding would make the distance look within
 * range (8.4 km against 8 km): then up to three decimals, as few as show the difference.
 * `travelsUpTo` may be passed in precomputed (travelsUpToText(range)) by callers checking many carers.
 */
export function tooFarReason(distance: number, range: number, travelsUpTo?: string): string {
  const whole = Math.round(distance);
  if (whole > Math.round(range)) {
    return (whole <= KM_AWAY_CACHED ? KM_AWAY[whole]! : `${whole} km away`) + (travelsUpTo ?? travelsUpToText(range));
  }
  let digits = 1;
  while (digits < 3 && Number(distance.toFixed(digits)) <= Number(range.toFixed(digits))) digits += 1;
  return `${trim(distance.toFixed(digits))} km away; travels up to ${trim(range.toFixed(digits))} km`;
}

function trim(fixed: string): string {
  return fixed.replace(/\.?0+$/, '');
}
