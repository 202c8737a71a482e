import { TextField } from '../text-field';

/**
 * A place as latitude and longitude in decimal degrees, side by side: matching measures distances from
 * it. `idPrefix` names the fields (`carer-lat`, `person-lon`), so error summaries can link to them.
 */
export function MapPointFields({
  idPrefix,
  lat,
  lon,
  errors,
  onChange,
}: {
  idPrefix: string;
  lat: string;
  lon: string;
  errors: { lat?: string | undefined; lon?: string | undefined };
  onChange: (field: 'lat' | 'lon', value: string) => void;
}) {
  return (
    <div className="field-row">
      <TextField id={`${idPrefix}-lat`} label="Latitude" inputMode="decimal" value={lat} error={errors.lat} onChange={(e) => onChange('lat', e.target.value)} />
      <TextField id={`${idPrefix}-lon`} label="Longitude" inputMode="decimal" value={lon} error={errors.lon} onChange={(e) => onChange('lon', e.target.value)} />
    </div>
  );
}
