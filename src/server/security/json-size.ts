/**
 * Whether a value's JSON text would exceed a size, found without building the text: the walk
 * stops as soon as the running total passes the limit, so it costs at most about `limit` steps
 * however large the value is.
 */

/**
 * True when `JSON.stringify(value)` would be longer than `limit` characters (escapes are not
 * counted, so a string of quotes may pass slightly over: the check is for megabytes, not bytes).
 *
 * @example
 * jsonSizeExceeds({ a: 'xyz' }, 20) // false ('{"a":"xyz"}' is 11 characters)
 * jsonSizeExceeds({ a: 'x'.repeat(100) }, 50) // true
 */
export function jsonSizeExceeds(value: unknown, limit: number): boolean {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string') total += item.length + 2;
    else if (typeof item === 'number' || typeof item === 'bigint') total += String(item).length;
    else if (typeof item === 'boolean') total += 5;
    else if (item === null || item === undefined) total += 4;
    else if (Array.isArray(item)) {
      total += 2 + item.length;
      for (const element of item) stack.push(element);
    } else if (typeof item === 'object') {
      const json = (item as { toJSON?: () => unknown }).toJSON;
      if (typeof json === 'function') {
        stack.push(json.call(item));
        continue;
      }
      // for-in without Object.entries: no array per object (graphql-js builds results
      // without prototypes, and the walk runs on every response).
      total += 2;
      for (const key in item as Record<string, unknown>) {
        if (!Object.hasOwn(item, key)) continue;
        total += key.length + 4;
        stack.push((item as Record<string, unknown>)[key]);
      }
    }
    if (total > limit) return true;
  }
  return false;
}
