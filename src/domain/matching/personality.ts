import { readQualities } from './qualities';
import type { PersonalityFit } from './result';

/** Each quality the person gets on with that the carer has. */
export const WANTED_QUALITY_POINTS = 1;
/** Each quality the person doesn't get on with that the carer has: outweighs a wanted one. */
export const AVOIDED_QUALITY_POINTS = 2;

/** The person's side, read once per match run. */
export interface PersonalityNeeds {
  /** Canonical qualities, in the person's order, each once. */
  readonly wants: readonly string[];
  readonly avoids: readonly string[];
}

export function personalityNeeds(wants: readonly string[], avoids: readonly string[]): PersonalityNeeds {
  const canonical = (entries: readonly string[]) => [...new Set(entries.flatMap((e) => readQualities(e).map((m) => m.quality)))];
  return { wants: canonical(wants), avoids: canonical(avoids) };
}

/**
 * Wanted qualities raise a carer and avoided ones lower them more. The fit is 'poor' with any avoided
 * quality, 'good' with at least one wanted quality and none avoided, and 'neutral' otherwise.
 * `carerQualities` is qualityIndex(carer.qualities): canonical quality → the carer's words.
 */
export function personalityFit(needs: PersonalityNeeds, carerQualities: ReadonlyMap<string, string>): PersonalityFit {
  const wanted = pick(needs.wants, carerQualities);
  const avoided = pick(needs.avoids, carerQualities);
  const score = wanted.length * WANTED_QUALITY_POINTS - avoided.length * AVOIDED_QUALITY_POINTS;
  const fit = avoided.length > 0 ? 'poor' : wanted.length > 0 ? 'good' : 'neutral';
  return { score, wanted, avoided, fit };
}

function pick(qualities: readonly string[], carer: ReadonlyMap<string, string>): string[] {
  const words: string[] = [];
  for (const q of qualities) {
    const mine = carer.get(q);
    if (mine !== undefined) words.push(mine);
  }
  return words;
}
