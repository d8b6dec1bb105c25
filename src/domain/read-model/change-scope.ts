/**
 * What a write transaction changed, as far as the read model is concerned: derived from the names
 * of the write queries it ran and their id parameters. A query this table does not know forces a
 * full reload, so a new write path is never silently missed (only made slower until listed here).
 */

/** The entities a committed write touched, or `full` when the model must be rebuilt. */
export interface ChangeScope {
  readonly full: boolean;
  readonly learnerIds: readonly string[];
  readonly credentialIds: readonly string[];
  readonly postingIds: readonly string[];
  /**
   * Providers whose record changed: the model holds no provider, but caches of catalogue answers
   * show providers' names and must not outlive a rename.
   */
  readonly providerIds: readonly string[];
}

/** One write query a transaction ran. */
export interface WriteCall {
  readonly name: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** More ids than this in one change and a full reload is cheaper to describe (and to apply). */
export const MAX_CHANGE_IDS = 1_000;

type Extract = (params: Readonly<Record<string, unknown>>) => Partial<Record<keyof IdLists, unknown[]>>;
interface IdLists {
  learnerIds: string[];
  credentialIds: string[];
  postingIds: string[];
  providerIds: string[];
}

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
const rowsField = (value: unknown, key: string): unknown[] =>
  Array.isArray(value) ? value.map((row) => field(row, key)) : [];

/** Writes that change nothing the read model holds. */
const IRRELEVANT = 'irrelevant';
/** Writes that force a full reload (the ESCO graph, generated populations). */
const FULL = 'full';

/**
 * Per write query: which entities it touches. Prefixes end with '/'; the longest match wins.
 * Locks create nothing except the lock-or-create ones, which may create an empty entity.
 */
const SCOPES: Record<string, Extract | typeof IRRELEVANT | typeof FULL> = {
  'learners/create-learner': (p) => ({ learnerIds: [field(p.learner, 'id')] }),
  'learners/merge-imported-learner': (p) => ({ learnerIds: [field(p.learner, 'id')] }),
  'learners/delete-holding': (p) => ({ learnerIds: [p.learnerId] }),
  'learners/delete-learner': (p) => ({ learnerIds: [p.learnerId] }),
  'learners/merge-holding': (p) => ({ learnerIds: [p.learnerId] }),
  'learners/set-declared-skills': (p) => ({ learnerIds: [p.learnerId] }),
  'learners/set-matching-consent': (p) => ({ learnerIds: [p.learnerId] }),
  'learners/set-advisor-access': IRRELEVANT,
  'catalog/merge-credential': (p) => ({ credentialIds: [field(p.credential, 'id')] }),
  'catalog/delete-credential': (p) => ({ credentialIds: [p.id] }),
  'catalog/merge-provider': (p) => ({ providerIds: [field(p.provider, 'id')] }),
  'credential-import/': IRRELEVANT,
  'postings/merge-job-posting': (p) => ({ postingIds: [field(p.posting, 'id')] }),
  'postings/delete-job-posting': (p) => ({ postingIds: [p.postingId] }),
  'locks/': IRRELEVANT,
  'locks/lock-or-create-credential': (p) => ({ credentialIds: [p.credentialId] }),
  'locks/lock-or-create-job-posting': (p) => ({ postingIds: [p.postingId] }),
  'identity/': IRRELEVANT,
  'demo/merge-demo-state': IRRELEVANT,
  'demo/grant-advisor-access': IRRELEVANT,
  'demo/link-credential-parts': (p) => ({ credentialIds: rowsField(p.rows, 'id') }),
  'read-model/': IRRELEVANT,
  'migrations/': IRRELEVANT,
  'schema/': IRRELEVANT,
  // An ESCO import (or sync) writes in many batches; its closing writes (occupation counts, the
  // graph meta) force the full reload, so replicas rebuild once per import rather than once per
  // batch. A failed import records a full change itself (see `importEscoCsv`).
  'esco-import/': IRRELEVANT,
  'esco-import/update-occupation-counts': FULL,
  'esco-import/merge-graph-meta': FULL,
  'generate/': FULL,
};

function scopeOf(name: string): Extract | typeof IRRELEVANT | typeof FULL {
  const exact = SCOPES[name];
  if (exact !== undefined) return exact;
  const slash = name.indexOf('/');
  return SCOPES[name.slice(0, slash + 1)] ?? FULL;
}

/**
 * The scope of a transaction's writes, or null when none of them touches the read model (no
 * change is recorded then).
 *
 * @example
 * changeScopeOf([{ name: 'learners/merge-holding', params: { learnerId: 'l1', credentialId: 'c1' } }])
 * // { full: false, learnerIds: ['l1'], credentialIds: [], postingIds: [], providerIds: [] }
 */
export function changeScopeOf(calls: readonly WriteCall[]): ChangeScope | null {
  const ids: Record<keyof IdLists, Set<string>> = {
    learnerIds: new Set(),
    credentialIds: new Set(),
    postingIds: new Set(),
    providerIds: new Set(),
  };
  let relevant = false;
  let full = false;
  for (const call of calls) {
    const scope = scopeOf(call.name);
    if (scope === IRRELEVANT) continue;
    relevant = true;
    if (scope === FULL) {
      full = true;
      continue;
    }
    for (const [key, values] of Object.entries(scope(call.params)) as [keyof IdLists, unknown[]][]) {
      for (const value of values) {
        if (typeof value === 'string') ids[key].add(value);
        else full = true; // an id this table cannot read: never guess
      }
    }
  }
  if (!relevant) return null;
  const total = ids.learnerIds.size + ids.credentialIds.size + ids.postingIds.size + ids.providerIds.size;
  if (full || total > MAX_CHANGE_IDS)
    return { full: true, learnerIds: [], credentialIds: [], postingIds: [], providerIds: [] };
  return {
    full: false,
    learnerIds: [...ids.learnerIds],
    credentialIds: [...ids.credentialIds],
    postingIds: [...ids.postingIds],
    providerIds: [...ids.providerIds],
  };
}
