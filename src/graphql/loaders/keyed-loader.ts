/**
 * DataLoader helpers. Field resolvers ask for one key at a time; these loaders collect every key
 * of a GraphQL level and answer them with one repository call, so round trips do not grow with
 * list sizes.
 */
import DataLoader from 'dataloader';
import { NotFoundError } from '../../domain/errors';

/**
 * A loader for entities fetched by a list of keys; missing keys resolve to null.
 *
 * @example
 * const skills = entityLoader((uris) => repo.getSkillsByUris(uris), (s) => s.uri);
 */
export function entityLoader<V>(
  fetch: (keys: readonly string[]) => Promise<V[]>,
  keyOf: (value: V) => string,
): DataLoader<string, V | null> {
  return new DataLoader(async (keys) => {
    const found = new Map((await fetch(keys)).map((value) => [keyOf(value), value] as const));
    return keys.map((key) => found.get(key) ?? null);
  });
}

/** A loader for per-owner values fetched by a list of owners (missing owners get `empty`). */
export function ownedLoader<V>(
  fetch: (keys: readonly string[]) => Promise<Map<string, V>>,
  empty: () => V,
): DataLoader<string, V> {
  return new DataLoader(async (keys) => {
    const found = await fetch(keys);
    return keys.map((key) => found.get(key) ?? empty());
  });
}

/** Key of a page loader: the owner plus the arguments that shape the page. */
export interface PagedKey<A> {
  readonly owner: string;
  readonly args: A;
}

/**
 * A loader for pages of per-owner lists. Keys with equal arguments are fetched together, so a
 * level of 50 occupations asking for `essentialSkills(first: 10)` costs one query.
 */
export function pagedLoader<A, V>(
  fetch: (owners: readonly string[], args: A) => Promise<Map<string, V>>,
  empty: (args: A) => V,
): DataLoader<PagedKey<A>, V, string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { args: A; owners: string[] }>();
      for (const key of keys) {
        const signature = JSON.stringify(key.args);
        const group = groups.get(signature) ?? { args: key.args, owners: [] };
        group.owners.push(key.owner);
        groups.set(signature, group);
      }
      const results = new Map<string, V>();
      await Promise.all(
        [...groups.entries()].map(async ([signature, group]) => {
          const found = await fetch([...new Set(group.owners)], group.args);
          for (const owner of group.owners)
            results.set(signature + '\u0000' + owner, found.get(owner) ?? empty(group.args));
        }),
      );
      return keys.map((key) => results.get(JSON.stringify(key.args) + '\u0000' + key.owner)!);
    },
    { cacheKeyFn: (key) => JSON.stringify(key.args) + '\u0000' + key.owner },
  );
}

/**
 * A record just written, read afresh: the request's loader may hold it as it was before the write
 * (loaded by the access guard, an earlier field or an earlier mutation of the same request), so
 * the key is cleared first. NOT_FOUND when a concurrent request deleted it after the write
 * committed, rather than a null the schema does not allow.
 *
 * @example
 * return reloadWritten(ctx.loaders.learner, learnerId, 'learner');
 */
export async function reloadWritten<V>(loader: DataLoader<string, V | null>, key: string, what: string): Promise<V> {
  const value = await loader.clear(key).load(key);
  if (value === null) throw new NotFoundError(`unknown ${what}: ${key} (deleted meanwhile)`, { items: [key] });
  return value;
}
