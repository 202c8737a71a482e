import { useState, type FormEvent } from 'react';
import type { PersonModeLanguage, PersonModeSettings, SelectionMethod } from '../../domain/person-mode';
import type { VisitPack } from '../../domain/visits';
import { recordPersonModeSettings } from '../../local-db/record-event';
import { useAppServices } from '../app';
import { usePersonModeSettings } from '../person-mode/use-person-mode-settings';

type TextSize = PersonModeSettings['textSize'];

const LANGUAGES: [PersonModeLanguage, string][] = [
  ['en', 'English'],
  ['cy', 'Cymraeg (Welsh)'],
];
const TEXT_SIZES: [TextSize, string][] = [
  ['large', 'Large'],
  ['larger', 'Larger'],
  ['largest', 'Largest'],
];
const SELECTIONS: [SelectionMethod, string][] = [
  ['press', 'A plain press'],
  ['dwell', 'Hold to choose (dwell)'],
  ['scan', 'Scanning: a light moves through the choices; a tap or switch chooses'],
];

/**
 * The organiser sets how person mode looks and works for this person before handing over. Saved
 * on the tablet at once (and sent to the office, which keeps them in the person's profile).
 */
export function PersonModeSettingsForm({ pack }: { pack: VisitPack }) {
  const { db, now, randomBytes } = useAppServices();
  const current = usePersonModeSettings(pack);
  if (!current) return null;
  const save = (settings: PersonModeSettings) => recordPersonModeSettings(db, { visitId: pack.visit.id, personId: pack.person.id, settings }, { now, randomBytes });
  // Keyed by person only: after saving, the form keeps what was typed and says it is saved.
  return <PersonModeSettingsFields key={pack.person.id} name={pack.person.firstName} current={current} onSave={save} savedText="Saved. Person mode will use these settings." />;
}

/**
 * The settings themselves, saved by `onSave`: on the tablet as a record sent to the office, or at the
 * office straight into the person's profile (then every visit pack carries them).
 */
export function PersonModeSettingsFields({
  name,
  current,
  onSave,
  savedText,
}: {
  name: string;
  current: PersonModeSettings & { descriptionFirst: boolean };
  onSave: (settings: PersonModeSettings) => Promise<unknown>;
  savedText: string;
}) {
  const [settings, setSettings] = useState<PersonModeSettings & { descriptionFirst: boolean }>(current);
  const [status, setStatus] = useState<'idle' | 'saved' | { error: string }>('idle');
  const change = (patch: Partial<PersonModeSettings & { descriptionFirst: boolean }>) => {
    setSettings({ ...settings, ...patch });
    setStatus('idle');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await onSave(settings);
      setStatus('saved');
    } catch (error) {
      setStatus({ error: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="card" aria-labelledby="person-mode-settings-heading">
      <h2 id="person-mode-settings-heading">Person mode settings for {name}</h2>
      <form className="form person-mode-settings" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>Language</legend>
          {LANGUAGES.map(([value, label]) => (
            <label key={value} className="choice-row">
              <input type="radio" name="pm-language" checked={settings.language === value} onChange={() => change({ language: value })} />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Text size</legend>
          {TEXT_SIZES.map(([value, label]) => (
            <label key={value} className="choice-row">
              <input type="radio" name="pm-text-size" checked={settings.textSize === value} onChange={() => change({ textSize: value })} />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>How {name} chooses</legend>
          {SELECTIONS.map(([value, label]) => (
            <label key={value} className="choice-row">
              <input type="radio" name="pm-selection" checked={settings.selection === value} onChange={() => change({ selection: value })} />
              {label}
            </label>
          ))}
          {settings.selection === 'dwell' && (
            <div className="field">
              <label htmlFor="pm-dwell">Hold for (seconds)</label>
              <select id="pm-dwell" value={settings.dwellMs} onChange={(e) => change({ dwellMs: Number(e.target.value) })}>
                {[1000, 1500, 2000, 3000, 5000].map((ms) => (
                  <option key={ms} value={ms}>
                    {ms / 1000}
                  </option>
                ))}
              </select>
            </div>
          )}
          {settings.selection === 'scan' && (
            <div className="field">
              <label htmlFor="pm-scan">The light moves every (seconds)</label>
              <select id="pm-scan" value={settings.scanIntervalMs} onChange={(e) => change({ scanIntervalMs: Number(e.target.value) })}>
                {[1000, 2000, 3000, 4000, 6000, 10000].map((ms) => (
                  <option key={ms} value={ms}>
                    {ms / 1000}
                  </option>
                ))}
              </select>
            </div>
          )}
          {settings.selection === 'scan' && (
            <label className="choice-row">
              <input type="checkbox" checked={settings.scanSpeak ?? false} onChange={(e) => change({ scanSpeak: e.target.checked })} />
              Say each choice aloud as the light reaches it (if the tablet has a voice in {name}’s language), instead of a beep
            </label>
          )}
        </fieldset>
        <fieldset>
          <legend>Seeing the screen</legend>
          <label className="choice-row">
            <input type="checkbox" checked={settings.highContrast} onChange={(e) => change({ highContrast: e.target.checked })} />
            High contrast (white and yellow on black)
          </label>
          <label className="choice-row">
            <input type="checkbox" checked={settings.reducedMotion} onChange={(e) => change({ reducedMotion: e.target.checked })} />
            Less movement on screen
          </label>
          <label className="choice-row">
            <input type="checkbox" checked={settings.descriptionFirst} onChange={(e) => change({ descriptionFirst: e.target.checked })} />
            Show what people appreciate first; photos and films when asked
          </label>
        </fieldset>
        <div role="status">
          {status === 'saved' && <p className="pack-ready">{savedText}</p>}
          {typeof status === 'object' && <p className="error-text">Not saved: {status.error}</p>}
        </div>
        <button type="submit" className="button secondary">
          Save settings for {name}
        </button>
      </form>
    </section>
  );
}
