/**
 * Appends `value` to the list `map` holds under `key`, starting the list when there is none.
 *
 * @example
 * const byKey = new Map<string, number[]>();
 * pushToList(byKey, 'a', 1);
 * pushToList(byKey, 'a', 2); // byKey.get('a') → [1, 2]
 */
export function pushToList<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
