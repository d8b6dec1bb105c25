/**
 * `DataLoader.loadMany` resolves failed keys to `Error` values instead of rejecting, so a caller
 * that filters them out turns a database outage into a silently empty list. These helpers rethrow
 * the first failure, so the field errors with the failure's own code (DATABASE_UNAVAILABLE, ...).
 */
import type DataLoader from 'dataloader';

/**
 * Loads every key; rejects with the first error any key failed with. Missing entities stay null.
 *
 * @example
 * const skills = await loadAll(ctx.loaders.skill, uris); // (SkillRow | null)[], aligned with uris
 */
export async function loadAll<K, V, C = K>(loader: DataLoader<K, V, C>, keys: readonly K[]): Promise<V[]> {
  const values = await loader.loadMany(keys);
  const failure = values.find((value): value is Error => value instanceof Error);
  if (failure !== undefined) throw failure;
  return values as V[];
}

/**
 * Like {@link loadAll} but drops keys whose entity does not exist (null), keeping order.
 *
 * @example
 * const occupations = await loadPresent(ctx.loaders.occupation, learner.targetOccupationUris);
 */
export async function loadPresent<K, V, C = K>(loader: DataLoader<K, V | null, C>, keys: readonly K[]): Promise<V[]> {
  return (await loadAll(loader, keys)).filter((value): value is V => value !== null && value !== undefined);
}
