import type { HowDecided, SupportUsed } from '../../domain/events';
import type { ResolvedSettings } from './person-mode-context';

/** The supports switched on by the person's settings, plus those they used (audio, captions). */
export function supportsUsed(settings: ResolvedSettings, used: SupportUsed[]): SupportUsed[] {
  const fromSettings: SupportUsed[] = [];
  if (settings.selection === 'scan') fromSettings.push('scanning');
  if (settings.selection === 'dwell') fromSettings.push('dwell');
  if (settings.textSize !== 'large') fromSettings.push('large-text');
  if (settings.highContrast) fromSettings.push('high-contrast');
  if (settings.language === 'cy') fromSettings.push('welsh');
  return [...new Set([...used, ...fromSettings])];
}

/**
 * What the app knows about how the decision was made, written with the outcome at once. The
 * organiser can correct it afterwards (see rerecordOutcomeWithHowDecided in src/local-db).
 */
export function knownHowDecided(settings: ResolvedSettings, used: SupportUsed[], handedOverAt: Date, decidedAt: Date): HowDecided {
  return {
    indicatedBy: 'person-by-touch',
    present: [],
    supportsUsed: supportsUsed(settings, used),
    durationSeconds: Math.min(24 * 3600, Math.max(0, Math.round((decidedAt.getTime() - handedOverAt.getTime()) / 1000))),
  };
}
