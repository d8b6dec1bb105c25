/**
 * Whether a JSON value nests arrays and objects deeper than a limit, found without recursion: the
 * check itself cannot overflow the stack, whatever the value, and stops at the first level too
 * deep. It guards code that walks values recursively (type-graphql's argument conversion,
 * JSON.stringify) from request variables nested tens of thousands of levels deep.
 */

/**
 * True when `value` has an array or object nested more than `limit` levels deep (the value itself,
 * when an array or object, is level 1; scalars are level 0).
 *
 * @example
 * jsonDepthExceeds([[1]], 2) // false
 * jsonDepthExceeds([[[1]]], 2) // true
 * jsonDepthExceeds({ a: { b: 'x' } }, 2) // false
 */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: { item: unknown; depth: number }[] = [{ item: value, depth: 1 }];
  while (stack.length > 0) {
    const { item, depth } = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > limit) return true;
    if (Array.isArray(item)) {
      for (const element of item)
        if (element !== null && typeof element === 'object') stack.push({ item: element, depth: depth + 1 });
    } else {
      for (const key in item as Record<string, unknown>) {
        if (!Object.hasOwn(item, key)) continue;
        const member = (item as Record<string, unknown>)[key];
        if (member !== null && typeof member === 'object') stack.push({ item: member, depth: depth + 1 });
      }
    }
  }
  return false;
}
