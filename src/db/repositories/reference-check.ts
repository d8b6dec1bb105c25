/**
 * Checks, inside a write transaction, that every id and URI a write refers to exists, and throws
 * NOT_FOUND naming all missing ones. Running it in the same transaction as the write means a
 * rejected write leaves the graph untouched.
 */
import { NotFoundError } from '../../domain/errors';
import type { QueryRunner } from '../neo4j-executor';

/** What a write refers to. */
export interface References {
  providerIds?: readonly string[];
  skillUris?: readonly string[];
  credentialIds?: readonly string[];
  occupationUris?: readonly string[];
  learnerIds?: readonly string[];
}

/** cypher/catalog/find-missing-references; throws NotFoundError listing what is missing. */
export async function findMissingReferences(tx: QueryRunner, refs: References): Promise<void> {
  const [row] = await tx.read('catalog/find-missing-references', {
    providerIds: refs.providerIds ?? [],
    skillUris: refs.skillUris ?? [],
    credentialIds: refs.credentialIds ?? [],
    occupationUris: refs.occupationUris ?? [],
    learnerIds: refs.learnerIds ?? [],
  });
  const missing: [string, string[]][] = [
    ['provider', row!.missingProviders as string[]],
    ['skill', row!.missingSkills as string[]],
    ['credential', row!.missingCredentials as string[]],
    ['occupation', row!.missingOccupations as string[]],
    ['learner', row!.missingLearners as string[]],
  ];
  const parts = missing.filter(([, list]) => list.length > 0);
  if (parts.length > 0) {
    const message = parts
      .map(
        ([kind, list]) =>
          `unknown ${kind}${list.length > 1 ? 's' : ''}: ${list.slice(0, 10).join(', ')}${list.length > 10 ? ` (+${list.length - 10} more)` : ''}`,
      )
      .join('; ');
    // The catalogue's one details shape: every missing id or URI in `items`, the kinds in the message.
    throw new NotFoundError(message, { items: parts.flatMap(([, list]) => list) });
  }
}
