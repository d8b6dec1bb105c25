/**
 * The verdicts of the limits that depend on a request's variables (list sizes, search texts, the
 * operation's cost), kept per document, operation and variables. Clients send the same few
 * queries with the same few variable sets over and over (a dashboard's coverage, a learner's
 * plan); judging them walked the document twice per request, about 8 % of the request thread's
 * time at 500 coverage requests a second.
 *
 * Documents are told apart by identity: Apollo's document store hands out the same parsed
 * document for the same query text, and one it has dropped is dropped here too (a weak map).
 * Variables are told apart by their JSON text; larger ones than {@link MAX_VERDICT_KEY_CHARS} are
 * judged every time, as judging them costs about what keying them would.
 */
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { DomainError } from '../../domain/errors';

/** What the limits concluded: the refusal to answer with, or null to let the request run. */
export interface LimitVerdict {
  readonly refusal: DomainError | null;
}

/** Verdicts kept at most. */
export const MAX_LIMIT_VERDICTS = 5_000;

/** Longest key (operation name and variables' JSON) whose verdict is kept. */
export const MAX_VERDICT_KEY_CHARS = 2_048;

/**
 * A bounded cache of {@link LimitVerdict}s.
 *
 * @example
 * const verdicts = new LimitVerdicts();
 * const { refusal } = verdicts.judge(document, 'Coverage', { learnerId: 'l1' }, () => judgeLimits(...));
 */
export class LimitVerdicts {
  private readonly documentIds = new WeakMap<DocumentNode, number>();
  private nextDocumentId = 0;
  private readonly verdicts: LRUCache<string, LimitVerdict>;

  constructor(maxVerdicts: number = MAX_LIMIT_VERDICTS) {
    this.verdicts = new LRUCache({ max: maxVerdicts });
  }

  /**
   * The verdict on a request: kept from an earlier request with the same document, operation name
   * and variables, else `judge`'s (kept when its key is short enough).
   */
  judge(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | undefined,
    judge: () => LimitVerdict,
  ): LimitVerdict {
    let id = this.documentIds.get(document);
    if (id === undefined) {
      id = this.nextDocumentId++;
      this.documentIds.set(document, id);
    }
    let variablesText: string;
    try {
      variablesText = JSON.stringify(variables ?? {});
    } catch {
      // Nested deeper than JSON.stringify can recurse: judged (and refused) by the limits themselves.
      return judge();
    }
    const key = `${id}\u0000${operationName ?? ''}\u0000${variablesText}`;
    if (key.length > MAX_VERDICT_KEY_CHARS) return judge();
    const kept = this.verdicts.get(key);
    if (kept !== undefined) return kept;
    const verdict = judge();
    this.verdicts.set(key, verdict);
    return verdict;
  }

  /** Verdicts kept now. */
  get size(): number {
    return this.verdicts.size;
  }
}
