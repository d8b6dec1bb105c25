/**
 * Bounds on JSON documents clients and files hand us (credential documents). A parsed JSON value
 * can be nested far deeper than any recursive code can walk: 200,000 nested arrays in a 400 KB
 * `name` overflowed the stack of the credential parsers. Checking the shape first, without
 * recursion, turns such input into a clear BAD_USER_INPUT instead of a crash, and bounds the work
 * every later walk does.
 */
import { BadInputError } from '../errors';

/** The limits {@link checkJsonLimits} enforces. */
export interface JsonLimits {
  /** Deepest nesting of arrays and objects (the top-level value is depth 1). */
  readonly maxDepth: number;
  /** Values in the whole document (objects, arrays, strings, numbers, booleans, nulls). */
  readonly maxValues: number;
  /** Keys of one object (and elements of one array). */
  readonly maxKeys: number;
  /** Characters of one string (a key or a value). */
  readonly maxStringLength: number;
}

/**
 * Limits of a credential document. Real Open Badges and ELM documents nest at most about 12
 * deep and hold about 1,000 values; their longest strings are embedded images (about 50,000
 * characters).
 */
export const CREDENTIAL_JSON_LIMITS: JsonLimits = {
  maxDepth: 32,
  maxValues: 100_000,
  maxKeys: 1_000,
  maxStringLength: 2_000_000,
};

/**
 * Checks `value` against `limits` iteratively (no recursion, so any depth is safe to check) and
 * stops at the first excess. Cyclic values are not JSON and are refused as too many values.
 *
 * @throws BadInputError naming the limit, its value and where in the document it was exceeded.
 * @example
 * checkJsonLimits(JSON.parse('[[[[1]]]]'), { ...CREDENTIAL_JSON_LIMITS, maxDepth: 3 }, 'document')
 * // throws "document is nested deeper than 3 levels (at document[0][0][0])"
 */
export function checkJsonLimits(value: unknown, limits: JsonLimits, name: string): void {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value, depth: 1, path: name }];
  let values = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    values += 1;
    if (values > limits.maxValues)
      throw new BadInputError(`${name} holds more than ${limits.maxValues} JSON values`, {
        reason: 'maxValues',
        limit: limits.maxValues,
      });
    const current = item.value;
    if (typeof current === 'string') {
      if (current.length > limits.maxStringLength) {
        throw new BadInputError(
          `${name} has a string of ${current.length} characters, more than ${limits.maxStringLength} (at ${item.path})`,
          { reason: 'maxStringLength', limit: limits.maxStringLength },
        );
      }
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (item.depth > limits.maxDepth) {
      throw new BadInputError(`${name} is nested deeper than ${limits.maxDepth} levels (at ${shortPath(item.path)})`, {
        reason: 'maxDepth',
        limit: limits.maxDepth,
      });
    }
    const entries = Array.isArray(current)
      ? current.map((v, i) => [`[${i}]`, v] as const)
      : Object.entries(current).map(([k, v]) => [`.${k}`, v] as const);
    if (entries.length > limits.maxKeys) {
      throw new BadInputError(
        `${name} has ${entries.length} entries in one ${Array.isArray(current) ? 'array' : 'object'}, more than ${limits.maxKeys} (at ${shortPath(item.path)})`,
        { reason: 'maxKeys', limit: limits.maxKeys },
      );
    }
    for (const [step, child] of entries) {
      if (!Array.isArray(current) && step.length - 1 > limits.maxStringLength) {
        throw new BadInputError(
          `${name} has a key of ${step.length - 1} characters, more than ${limits.maxStringLength}`,
          { reason: 'maxStringLength', limit: limits.maxStringLength },
        );
      }
      // Paths are only built for reporting; cap them so a deep document cannot make them huge.
      stack.push({
        value: child,
        depth: item.depth + 1,
        path: item.path.length > 200 ? item.path : item.path + step.slice(0, 40),
      });
    }
  }
}

function shortPath(path: string): string {
  return path.length > 120 ? `${path.slice(0, 120)}…` : path;
}
