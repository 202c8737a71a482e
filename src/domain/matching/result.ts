/** One interest the person and a carer share, exactly or nearly ("old movies" ~ "films"). */
export interface SharedInterest {
  /** The person's words. */
  person: string;
  /** The carer's words. */
  carer: string;
  kind: 'exact' | 'near';
  /** For a near match: the vocabulary term that links them, e.g. "films". */
  via?: string;
}

export interface PersonalityFit {
  /** Higher is better. Compared before interests, always. */
  score: number;
  /** Qualities the person gets on with that the carer has. */
  wanted: string[];
  /** Qualities the person doesn't get on with that the carer has. */
  avoided: string[];
  fit: 'good' | 'neutral' | 'poor';
}

export interface InterestFit {
  score: number;
  shared: SharedInterest[];
}

export interface RankedCarer {
  id: string;
  name: string;
  /** 1 is the best match. */
  rank: number;
  personality: PersonalityFit;
  interests: InterestFit;
  /** One plain-English sentence an organiser can read out. */
  why: string;
}

export interface ExcludedCarer {
  id: string;
  name: string;
  /** Plain reasons, e.g. "not free Monday 08:00–08:45", "14 km away; travels up to 8 km". */
  reasons: string[];
}

/** The funnel an organiser sees: how many were considered, free, a good fit and ranked. */
export interface MatchFunnel {
  considered: number;
  available: number;
  goodFit: number;
  ranked: number;
}

export interface MatchResult {
  ranked: RankedCarer[];
  excluded: ExcludedCarer[];
  funnel: MatchFunnel;
}
