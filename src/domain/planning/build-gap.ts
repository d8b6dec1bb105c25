/**
 * A target's skill gap: the in-scope requirements whose credit stays below the cover threshold,
 * weighted 1 when essential and λ (`optionalWeight`) when optional.
 */
import type { MatchPolicy, Requirement } from '../coverage';
import type { PlanScope } from './plan-request';
import type { GapSkill } from './plan-types';

/** A requirement with the credit the subject's evidence gives it. */
export interface CreditedRequirement extends Requirement {
  readonly credit: number;
}

/** One requirement per skill; a skill required both ways counts as ESSENTIAL. Keeps first-seen order. */
export function dedupeRequirements(requirements: readonly Requirement[]): Requirement[] {
  return [...requirementBySkill(requirements).values()];
}

// The loop in a function of its own, returning straight after it: a long list gets this loop
// compiled on the stack, and code after such a loop that had never run before (the `values` call)
// sent the request thread back to the interpreter on every call, about 60 times a second under
// heavy plans.
function requirementBySkill(requirements: readonly Requirement[]): Map<string, Requirement> {
  const byUri = new Map<string, Requirement>();
  for (const req of requirements) if (byUri.get(req.skillUri)?.relation !== 'ESSENTIAL') byUri.set(req.skillUri, req);
  return byUri;
}

/**
 * The gap of a target, in requirement order: a requirement is in it iff it is in scope and its
 * credit is below `policy.coverThreshold`.
 *
 * @example
 * buildGap([{ skillUri: 'a', relation: 'OPTIONAL', credit: 0 }], 'ESSENTIAL_AND_OPTIONAL', policy)
 * // [{ skillUri: 'a', weight: policy.optionalWeight }]
 */
export function buildGap(
  requirements: readonly CreditedRequirement[],
  scope: PlanScope,
  policy: Pick<MatchPolicy, 'coverThreshold' | 'optionalWeight'>,
): GapSkill[] {
  return requirements
    .filter(
      (r) => (scope === 'ESSENTIAL_AND_OPTIONAL' || r.relation === 'ESSENTIAL') && r.credit < policy.coverThreshold,
    )
    .map((r) => ({ skillUri: r.skillUri, weight: r.relation === 'ESSENTIAL' ? 1 : policy.optionalWeight }));
}
