/**
 * Synthetic learners. Each has a focus occupation and holds mostly credentials drawn from it,
 * plus a few unrelated ones, so learners cluster around jobs the way real CVs do (which is what
 * gives coverage and candidate ranking realistic work to do).
 */
import { addDays } from './calendar-days';
import { randomFor } from './random';
import { pickOccupation, type SampleSpace } from './sample-space';
import { populationIds } from './population-options';

/** A holding as written to the graph. */
export interface GeneratedHolding {
  readonly credentialId: string;
  /** YYYY-MM-DD, before the reference date. */
  readonly issuedOn: string;
  /** YYYY-MM-DD or null (does not expire). */
  readonly expiresOn: string | null;
  readonly verified: boolean;
}

/** A learner row as written to the graph. */
export interface GeneratedLearner {
  readonly id: string;
  readonly displayName: string;
  readonly matchingConsent: boolean;
  readonly holdings: readonly GeneratedHolding[];
  readonly declaredSkillUris: readonly string[];
  readonly targetOccupationUris: readonly string[];
}

/** Which credentials came from which occupation (by index), to give learners related ones. */
export interface CredentialIndex {
  readonly count: number;
  readonly prefix: string;
  /** Credential indices by occupation index. */
  readonly byOccupation: ReadonlyMap<number, readonly number[]>;
}

/** Bounds the unit tests check. */
export const LEARNER_LIMITS = { minHoldings: 1, maxHoldings: 15, maxDeclared: 4, maxYearsAgo: 8 } as const;

/** Holdings per learner 1-15: most hold a handful, a few collect many. */
const HOLDING_COUNTS: readonly (readonly [number, number])[] = [
  [1, 14],
  [2, 15],
  [3, 14],
  [4, 12],
  [5, 10],
  [6, 8],
  [7, 6],
  [8, 5],
  [9, 4],
  [10, 3],
  [11, 3],
  [12, 2],
  [13, 2],
  [14, 1],
  [15, 1],
];

/** Builds the credential index from the occupations credentials were drawn from. */
export function indexCredentials(prefix: string, occupationIndices: ArrayLike<number>): CredentialIndex {
  const byOccupation = new Map<number, number[]>();
  for (let i = 0; i < occupationIndices.length; i += 1) {
    const list = byOccupation.get(occupationIndices[i]!) ?? [];
    list.push(i);
    byOccupation.set(occupationIndices[i]!, list);
  }
  return { count: occupationIndices.length, prefix, byOccupation };
}

/**
 * Learner `index` (0-based). About 60% consent to matching; ~5% of holdings have expired by
 * `referenceDate`, ~25% expire later, the rest never; ~40% declare 1-4 skills of their focus
 * occupation; ~25% target an occupation.
 */
export function sampleLearner(
  seed: number,
  prefix: string,
  index: number,
  space: SampleSpace,
  credentials: CredentialIndex,
  referenceDate: string,
): GeneratedLearner {
  const random = randomFor(seed, 'learner', index);
  const focus = pickOccupation(space, random);
  const occupation = space.occupations[focus]!;
  const related = credentials.byOccupation.get(focus) ?? [];
  const wanted = Math.min(random.weighted(HOLDING_COUNTS), credentials.count);
  const chosen = new Set<number>();
  let attempts = 0;
  while (chosen.size < wanted && attempts < wanted * 20) {
    attempts += 1;
    const fromFocus = related.length > 0 && random.chance(0.75);
    chosen.add(fromFocus ? random.pick(related) : random.int(0, credentials.count - 1));
  }

  const holdings = [...chosen].map((credential): GeneratedHolding => {
    const daysAgo = random.int(30, LEARNER_LIMITS.maxYearsAgo * 365);
    const issuedOn = addDays(referenceDate, -daysAgo);
    const expiry = random.weighted([
      ['expired', 5],
      ['later', 25],
      ['never', 70],
    ] as const);
    const expiresOn =
      expiry === 'never'
        ? null
        : expiry === 'expired'
          ? addDays(issuedOn, random.int(1, daysAgo - 1))
          : addDays(referenceDate, random.int(30, 3 * 365));
    return {
      credentialId: populationIds.credential(credentials.prefix, credential),
      issuedOn,
      expiresOn,
      verified: random.chance(0.7),
    };
  });
  holdings.sort((a, b) =>
    a.issuedOn < b.issuedOn ? -1 : a.issuedOn > b.issuedOn ? 1 : a.credentialId < b.credentialId ? -1 : 1,
  );

  const pool = [...new Set([...occupation.essential, ...occupation.optional])];
  const declaredSkillUris = random.chance(0.4)
    ? random.sampleWeighted(pool, () => 1, random.int(1, LEARNER_LIMITS.maxDeclared)).sort()
    : [];
  const targetOccupationUris = random.chance(0.25)
    ? [space.occupations[random.chance(0.5) ? focus : pickOccupation(space, random)]!.uri]
    : [];
  const id = populationIds.learner(prefix, index);
  return {
    id,
    displayName: `Learner ${id.slice(prefix.length)}`,
    matchingConsent: random.chance(0.6),
    holdings,
    declaredSkillUris,
    targetOccupationUris,
  };
}
