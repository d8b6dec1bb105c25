/**
 * jsonld and jsonld-signatures report failures as nested errors (a VerificationError holding
 * `errors`, a JsonLdError holding `details.cause`); these helpers flatten them so the verifier
 * can name the check that failed.
 */

/** Every error reachable from `error`, itself first, depth-limited against cycles. */
export function errorChain(error: unknown, depth = 0): Error[] {
  if (!(error instanceof Error) || depth > 6) return [];
  const out: Error[] = [error];
  const nested = error as Error & { errors?: unknown; cause?: unknown; details?: { cause?: unknown } };
  if (Array.isArray(nested.errors)) for (const e of nested.errors) out.push(...errorChain(e, depth + 1));
  out.push(...errorChain(nested.cause, depth + 1));
  out.push(...errorChain(nested.details?.cause, depth + 1));
  return out;
}

/** The first error of the chain that is an instance of `type`. */
export function findError<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | undefined {
  return errorChain(error).find((e): e is T => e instanceof type);
}
