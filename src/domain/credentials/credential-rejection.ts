import { BadInputError, type ErrorDetails } from '../errors';

/**
 * The document is not a credential this service can read (wrong shape or unsupported kind).
 *
 * @example
 * throw notACredential('the document has no "type"');
 * // BadInputError: Not a credential: the document has no "type"
 */
export function notACredential(reason: string, details?: Omit<ErrorDetails, 'reason'>): BadInputError {
  return new BadInputError(`Not a credential: ${reason}`, { reason: 'NOT_A_CREDENTIAL', ...details });
}

/**
 * A document's types as `details.items` name them: at most 20, each at most 200 characters (they
 * are the document author's text).
 */
export function typeItems(types: readonly string[]): Pick<ErrorDetails, 'field' | 'items'> {
  return { field: 'type', items: types.slice(0, 20).map((t) => t.slice(0, 200)) };
}

/** The credential names no title, so it cannot be listed or matched. */
export function missingTitle(where: string): BadInputError {
  return new BadInputError(`The credential has no title (expected ${where})`, {
    reason: 'MISSING_TITLE',
    field: where,
  });
}

/** The credential names no issuer / awarding body at all (every supported format requires one). */
export function missingProvider(where: string): BadInputError {
  return new BadInputError(`The credential names no issuer (expected ${where})`, {
    reason: 'MISSING_PROVIDER',
    field: where,
  });
}

/**
 * An ELM credential with several top-level claims: one import records one micro-credential, and
 * importing only the first claim would silently drop the others.
 */
export function tooManyClaims(count: number): BadInputError {
  return new BadInputError(
    `The credential has ${count} claims in credentialSubject.hasClaim; import each claim as its own credential document`,
    { reason: 'TOO_MANY_CLAIMS', field: 'credentialSubject.hasClaim', actual: count },
  );
}
