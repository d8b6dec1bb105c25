import { BadInputError } from '../errors';
import { compareStrings } from './compare-strings';

/** How strongly an occupation (or a caller's target) needs a skill. */
export type RequirementRelation = 'ESSENTIAL' | 'OPTIONAL';

/** One skill the subject is measured against. */
export interface Requirement {
  readonly skillUri: string;
  readonly relation: RequirementRelation;
}

/** Requirements without duplicates, split by relation, each list sorted by URI. */
export interface NormalizedRequirements {
  readonly essential: readonly string[];
  readonly optional: readonly string[];
}

/**
 * Deduplicates requirements (a skill listed as both ESSENTIAL and OPTIONAL counts once, as
 * ESSENTIAL) and sorts each relation by URI in plain code-unit order. Sorting makes every
 * later sum run in the same order whatever order the data layer returned, so equal inputs give
 * bit-identical scores.
 *
 * @throws BadInputError on an unknown relation.
 *
 * @example
 * normalizeRequirements([
 *   { skillUri: 'b', relation: 'OPTIONAL' },
 *   { skillUri: 'a', relation: 'OPTIONAL' },
 *   { skillUri: 'b', relation: 'ESSENTIAL' },
 * ]); // → { essential: ['b'], optional: ['a'] }
 */
export function normalizeRequirements(requirements: Iterable<Requirement>): NormalizedRequirements {
  const relationOf = new Map<string, RequirementRelation>();
  for (const { skillUri, relation } of requirements) {
    if (relation !== 'ESSENTIAL' && relation !== 'OPTIONAL') {
      throw new BadInputError(`requirement.relation must be ESSENTIAL or OPTIONAL, got ${JSON.stringify(relation)}`, {
        field: 'requirement.relation',
        items: [skillUri],
        value: relation,
      });
    }
    if (relation === 'ESSENTIAL' || !relationOf.has(skillUri)) relationOf.set(skillUri, relation);
  }
  const essential: string[] = [];
  const optional: string[] = [];
  for (const [uri, relation] of relationOf) (relation === 'ESSENTIAL' ? essential : optional).push(uri);
  return { essential: essential.sort(compareStrings), optional: optional.sort(compareStrings) };
}
