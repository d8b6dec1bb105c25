import { BadInputError } from '../errors';

/**
 * The knobs of coverage scoring. Every field is validated by {@link resolveMatchPolicy}; the
 * scoring functions trust a resolved policy and do not re-check it.
 */
export interface MatchPolicy {
  /** Weight of an evidence skill that is the required skill itself. */
  readonly exact: number;
  /** Weight of an evidence skill lying below the required skill (more specific). */
  readonly narrower: number;
  /** Weight of an evidence skill lying above the required skill (more general). */
  readonly broader: number;
  /** Evidence factor of a learner's self-declared skills (other evidence counts 1.0). */
  readonly selfDeclared: number;
  /**
   * Evidence factor of holdings whose credential is not verified (UNSIGNED, UNVERIFIABLE, or never
   * checked). 0 asks for verified evidence only. INVALID holdings always count 0.
   */
  readonly unverified: number;
  /** Most skill→skill hierarchy steps a NARROWER/BROADER match may span; 0 allows EXACT only. */
  readonly maxHierarchyDepth: number;
  /**
   * Smallest credit at which a requirement counts as COVERED, in (0, 1]. Zero is refused: a
   * requirement without any evidence (credit 0) would then be both MISSING (coverage) and met
   * (planning sees no gap), two answers to one question.
   */
  readonly coverThreshold: number;
  /** λ: weight of an optional requirement relative to an essential one in the score. */
  readonly optionalWeight: number;
  /** Instant at which holdings must be valid; used by the data layer to select evidence. */
  readonly asOf: Date;
}

/** What a caller may send: any field may be missing or null and then takes its default. */
export type MatchPolicyInput = { readonly [K in keyof MatchPolicy]?: MatchPolicy[K] | null };

/**
 * Upper bound of `maxHierarchyDepth`. ESCO's skill hierarchy is only a few levels deep, so
 * deeper matches say little, while each extra level multiplies the links the data layer must
 * fetch per skill.
 */
export const MAX_HIERARCHY_DEPTH_CAP = 5;

/** Defaults of every policy field except `asOf`, which defaults to the request's "now". */
export const DEFAULT_MATCH_POLICY: Readonly<Omit<MatchPolicy, 'asOf'>> = Object.freeze({
  exact: 1.0,
  narrower: 0.8,
  broader: 0.5,
  selfDeclared: 0.5,
  // 1: most credentials in circulation (OB 2.0 hosted, ELM e-sealed, catalogue imports) cannot be
  // verified here; a discount would punish learners for their issuer's technology, not for
  // doubtful evidence. Forged, revoked and expired credentials already count 0 (INVALID).
  unverified: 1.0,
  maxHierarchyDepth: 2,
  coverThreshold: 0.8,
  optionalWeight: 0.25,
});

const UNIT_INTERVAL_FIELDS = [
  'exact',
  'narrower',
  'broader',
  'selfDeclared',
  'unverified',
  'coverThreshold',
  'optionalWeight',
] as const;

/**
 * Fills defaults into a caller's policy and validates it.
 *
 * @param input the caller's partial policy; null/undefined (whole or per field) means default.
 * @param now   the default for `asOf` (passed in because domain code reads no clock).
 * @throws BadInputError naming the field and the offending value, e.g.
 *   `policy.narrower must lie in [0, 1], got 1.5`. Weights, `selfDeclared` and `optionalWeight`
 *   lie in [0, 1], `coverThreshold` in (0, 1], `maxHierarchyDepth` is an integer in
 *   [0, {@link MAX_HIERARCHY_DEPTH_CAP}].
 *
 * @example
 * resolveMatchPolicy({ narrower: 0.9, broader: null }, new Date('2025-01-01T00:00:00Z'));
 * // → { exact: 1, narrower: 0.9, broader: 0.5, ..., asOf: 2025-01-01T00:00:00.000Z }
 */
export function resolveMatchPolicy(input: MatchPolicyInput | null | undefined, now: Date): MatchPolicy {
  const given = input ?? {};
  const unit = {} as Record<(typeof UNIT_INTERVAL_FIELDS)[number], number>;
  for (const field of UNIT_INTERVAL_FIELDS) {
    const value: unknown = given[field] ?? DEFAULT_MATCH_POLICY[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      throw invalid(field, value, field === 'coverThreshold' ? 'must lie in (0, 1]' : 'must lie in [0, 1]');
    }
    if (field === 'coverThreshold' && value === 0)
      throw invalid(field, value, 'must lie in (0, 1] (0 would count a requirement without any evidence as met)');
    unit[field] = value;
  }

  const depth: unknown = given.maxHierarchyDepth ?? DEFAULT_MATCH_POLICY.maxHierarchyDepth;
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 0 || depth > MAX_HIERARCHY_DEPTH_CAP) {
    throw invalid('maxHierarchyDepth', depth, `must be an integer in [0, ${MAX_HIERARCHY_DEPTH_CAP}]`);
  }

  const asOf: unknown = given.asOf ?? now;
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) {
    throw invalid('asOf', asOf, 'must be a valid date');
  }

  // A copy of asOf so a caller mutating its Date cannot change a policy already in use.
  return Object.freeze({ ...unit, maxHierarchyDepth: depth, asOf: new Date(asOf.getTime()) });
}

function invalid(field: keyof MatchPolicy, value: unknown, rule: string): BadInputError {
  return new BadInputError(`policy.${field} ${rule}, got ${describe(value)}`, {
    field: `policy.${field}`,
    value: typeof value === 'number' && !Number.isFinite(value) ? String(value) : value,
  });
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return JSON.stringify(value) ?? String(value);
}
