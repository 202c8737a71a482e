import { z } from 'zod';

/** Languages every person-mode text is written in. Organisations in Wales must offer Welsh. */
export const PersonModeLanguageSchema = z.enum(['en', 'cy']);
export type PersonModeLanguage = z.infer<typeof PersonModeLanguageSchema>;

/** How the person selects: a plain press, holding until a ring fills (dwell), or single-switch scanning. */
export const SelectionMethodSchema = z.enum(['press', 'dwell', 'scan']);
export type SelectionMethod = z.infer<typeof SelectionMethodSchema>;

/**
 * Person-mode settings, set per person and remembered in their one-page profile.
 * `descriptionFirst` null means "use the organisation's default".
 */
export const PersonModeSettingsSchema = z
  .object({
    language: PersonModeLanguageSchema,
    textSize: z.enum(['large', 'larger', 'largest']),
    highContrast: z.boolean(),
    reducedMotion: z.boolean(),
    selection: SelectionMethodSchema,
    /** How long to hold for a dwell selection. */
    dwellMs: z.number().int().min(500).max(5_000),
    /** How long the scanning highlight stays on each choice. */
    scanIntervalMs: z.number().int().min(1_000).max(10_000),
    /** Scanning says each choice aloud as the light reaches it (else a short beep). Absent in older settings: off. */
    scanSpeak: z.boolean().optional(),
    /** Show what people appreciate and what matters before the photo and film ("picture on the back"). */
    descriptionFirst: z.boolean().nullable(),
  })
  .strict();
export type PersonModeSettings = z.infer<typeof PersonModeSettingsSchema>;

export const DEFAULT_PERSON_MODE_SETTINGS: PersonModeSettings = {
  language: 'en',
  textSize: 'large',
  highContrast: false,
  reducedMotion: false,
  selection: 'press',
  dwellMs: 1_500,
  scanIntervalMs: 3_000,
  scanSpeak: false,
  descriptionFirst: null,
};

/** The person's settings with the organisation's default applied: what the tablet uses. */
export function resolvePersonModeSettings(
  settings: PersonModeSettings | undefined,
  organisationDescriptionFirst: boolean,
): PersonModeSettings & { descriptionFirst: boolean } {
  const merged = settings ?? DEFAULT_PERSON_MODE_SETTINGS;
  return { ...merged, descriptionFirst: merged.descriptionFirst ?? organisationDescriptionFirst };
}
