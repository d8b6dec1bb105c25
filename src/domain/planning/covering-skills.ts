/**
 * Which taught skills would cover a required skill on their own. A course is full evidence for
 * what it teaches, so a taught skill covers a requirement when its kind of match (exact, narrower,
 * broader) alone reaches the cover threshold, within the policy's hierarchy depth.
 */
import type { HierarchyLink, MatchPolicy } from '../coverage';
import { pushToList } from '../map-of-lists';

/** Which kinds of match reach the threshold on their own. */
export function coveringKinds(policy: MatchPolicy): Record<'exact' | HierarchyLink['kind'], boolean> {
  return {
    exact: policy.exact >= policy.coverThreshold && policy.exact > 0,
    NARROWER: policy.narrower >= policy.coverThreshold && policy.narrower > 0,
    BROADER: policy.broader >= policy.coverThreshold && policy.broader > 0,
  };
}

/**
 * For each required skill, the set of taught skills that would cover it: itself (when an exact
 * match is enough) and the far ends of its qualifying hierarchy links.
 *
 * @example
 * coveringSkills(['s'], [{ requiredUri: 's', evidenceUri: 'child', kind: 'NARROWER', distance: 1 }], policy)
 * // Map { 's' => Set { 's', 'child' } } under the default policy
 */
export function coveringSkills(
  requiredUris: readonly string[],
  links: readonly HierarchyLink[],
  policy: MatchPolicy,
): Map<string, Set<string>> {
  const kinds = coveringKinds(policy);
  const covering = new Map<string, Set<string>>(requiredUris.map((uri) => [uri, new Set(kinds.exact ? [uri] : [])]));
  for (const link of links) {
    const set = covering.get(link.requiredUri);
    if (set !== undefined && kinds[link.kind] && link.distance <= policy.maxHierarchyDepth) set.add(link.evidenceUri);
  }
  return covering;
}

/**
 * The inverse of {@link coveringSkills}: for each taught skill, the required skills it covers, in
 * the order of `covering`.
 *
 * @example
 * requiredCoveredBy(new Map([['s', new Set(['s', 'child'])], ['t', new Set(['child'])]]))
 * // Map { 's' => ['s'], 'child' => ['s', 't'] }
 */
export function requiredCoveredBy(covering: ReadonlyMap<string, ReadonlySet<string>>): Map<string, string[]> {
  // Appended in place: a 200-target reskilling job inverts thousands of gap skills in one turn of
  // the request thread, and copying each list to append one skill made that quadratic.
  const inverse = new Map<string, string[]>();
  for (const [requiredUri, taught] of covering) {
    for (const uri of taught) pushToList(inverse, uri, requiredUri);
  }
  return inverse;
}

/** The part of a gathered target {@link targetsCoveredBy} reads. */
export interface CoveredTarget {
  readonly gap: readonly { readonly skillUri: string }[];
  /** Hierarchy links of the target's requirements, every one of a gap skill's among them. */
  readonly links: readonly HierarchyLink[];
}

/**
 * {@link requiredCoveredBy} of the covering skills of every gap skill of `targets`, in their order,
 * worked out from the targets alone: each holds its gap and the hierarchy links of all its
 * requirements, which is all {@link coveringSkills} reads. A compute worker works it out for its
 * job: built on the request thread, a 200-target job's inverse was thousands of lists of URIs,
 * copied one string at a time when the job was posted (250-435 KB serialized in the benchmark).
 *
 * @example
 * targetsCoveredBy([{ gap: [{ skillUri: 's' }], links: [{ requiredUri: 's', evidenceUri: 'child', kind: 'NARROWER', distance: 1 }] }], policy)
 * // Map { 's' => ['s'], 'child' => ['s'] } under the default policy
 */
export function targetsCoveredBy(targets: readonly CoveredTarget[], policy: MatchPolicy): Map<string, string[]> {
  const gapSkills = new Set<string>();
  const links: HierarchyLink[] = [];
  // Occupations share requirements, and each target carries all the links of each of its
  // requirements: a required skill's links are taken from the first target that has them.
  const linked = new Set<string>();
  for (const target of targets) {
    for (const skill of target.gap) gapSkills.add(skill.skillUri);
    for (const link of target.links) if (!linked.has(link.requiredUri)) links.push(link);
    for (const link of target.links) linked.add(link.requiredUri);
  }
  return requiredCoveredBy(coveringSkills([...gapSkills], links, policy));
}

/** What {@link coveredBy} gives a course that covers nothing, shared. */
const COVERS_NOTHING: ReadonlySet<string> = new Set();

/**
 * The required skills a course teaching `taught` would cover. Most courses of a job cover nothing
 * of its gap: they share one empty set rather than each allocating its own.
 */
export function coveredBy(
  taught: readonly string[],
  inverse: ReadonlyMap<string, readonly string[]>,
): ReadonlySet<string> {
  let covered: Set<string> | undefined;
  for (const uri of taught) {
    const required = inverse.get(uri);
    if (required === undefined) continue;
    covered ??= new Set();
    for (const requiredUri of required) covered.add(requiredUri);
  }
  return covered ?? COVERS_NOTHING;
}
