import { BadInputError } from '../errors';

/**
 * A hierarchy relation between a required skill and an evidence skill, precomputed by the data
 * layer from the skill→skill `broader` graph: `evidenceUri` lies `distance` steps below
 * (NARROWER) or above (BROADER) `requiredUri`, `distance` being the shortest path in the
 * multi-parent hierarchy.
 *
 * The data layer may supply links deeper than the policy allows (they are ignored) and several
 * links for one pair (the shortest wins by itself, since it earns the same credit and ties
 * prefer the smaller distance).
 *
 * @example
 * // "use Python" lies one step below "computer programming":
 * { requiredUri: 'esco:programming', evidenceUri: 'esco:python', kind: 'NARROWER', distance: 1 }
 */
export interface HierarchyLink {
  readonly requiredUri: string;
  readonly evidenceUri: string;
  readonly kind: 'NARROWER' | 'BROADER';
  readonly distance: number;
}

/**
 * Rejects links no hierarchy can produce: a distance that is not a whole number of steps ≥ 1,
 * or an unknown kind.
 *
 * @throws BadInputError naming the link and the offending value.
 */
export function assertValidLink(link: HierarchyLink): void {
  const { requiredUri, evidenceUri, kind, distance } = link;
  if (kind !== 'NARROWER' && kind !== 'BROADER') {
    throw new BadInputError(`link.kind must be NARROWER or BROADER, got ${JSON.stringify(kind)}`, {
      field: 'link.kind',
      items: [requiredUri, evidenceUri],
      value: kind,
    });
  }
  if (typeof distance !== 'number' || !Number.isInteger(distance) || distance < 1) {
    throw new BadInputError(`link.distance must be an integer >= 1, got ${String(distance)}`, {
      field: 'link.distance',
      items: [requiredUri, evidenceUri],
      value: distance,
    });
  }
}
