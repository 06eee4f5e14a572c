import { invalid } from '../../domain/errors.js';

export interface LatLng {
  latitude: number;
  longitude: number;
}

/** The longest distance between two points on Earth, rounded up: no radius needs to be larger. */
export const MAX_RADIUS_KM = 20_050;

/** A point given by a client, refused with VALIDATION (naming the argument) unless on the globe. */
export function checkedPoint(point: LatLng, argument: string): LatLng {
  const { latitude, longitude } = point;
  if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) {
    throw invalid(`"${argument}.latitude" must be between -90 and 90, got ${latitude}.`, `${argument}.latitude`);
  }
  if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) {
    throw invalid(`"${argument}.longitude" must be between -180 and 180, got ${longitude}.`, `${argument}.longitude`);
  }
  return { latitude, longitude };
}

export function checkedRadiusKm(radiusKm: number, argument = 'radiusKm'): number {
  if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_RADIUS_KM) {
    throw invalid(`"${argument}" must be more than 0 and at most ${MAX_RADIUS_KM} km, got ${radiusKm}.`, argument);
  }
  return radiusKm;
}
