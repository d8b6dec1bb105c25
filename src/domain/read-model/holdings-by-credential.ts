/**
 * Every holding of the read model, grouped by credential, with what a ranking checks of it: who
 * holds it, the holding's dates and its verification status. Ranking a posting visits tens of
 * thousands of holdings of the credentials teaching its skills; reading them here, a few flat
 * arrays, spares it each holder's own record (scattered over the heap, one memory miss after
 * another), which dominated the ranking's time on the request thread.
 */

/** Numbers per holding in a credential's list: learner, issuedOn, expiresOn, status. */
export const HOLDING_STRIDE = 4;

/**
 * Holdings by credential id, each credential's as one flat list of {@link HOLDING_STRIDE}
 * numbers per holding (`[learner, issuedOn, expiresOn, status, learner, ...]`, the same codes as
 * the learner's own record). A learner holding a credential twice is listed twice.
 *
 * @example
 * const index = new HoldingsByCredential();
 * index.add(7, 3, 12, -1, 1); // learner 3 holds credential 7, issued on date 12, no expiry, status 1
 * index.of(7); // [3, 12, -1, 1]
 * index.removeLearner(7, 3);
 * index.of(7); // undefined
 */
export class HoldingsByCredential {
  private readonly lists = new Map<number, number[]>();

  /** One holding of `credential` by `learner`. */
  add(credential: number, learner: number, issuedOn: number, expiresOn: number, status: number): void {
    const list = this.lists.get(credential);
    if (list) list.push(learner, issuedOn, expiresOn, status);
    else this.lists.set(credential, [learner, issuedOn, expiresOn, status]);
  }

  /** Drops every holding of `credential` by `learner`. */
  removeLearner(credential: number, learner: number): void {
    const list = this.lists.get(credential);
    if (!list) return;
    const kept: number[] = [];
    for (let at = 0; at < list.length; at += HOLDING_STRIDE)
      if (list[at] !== learner) kept.push(list[at]!, list[at + 1]!, list[at + 2]!, list[at + 3]!);
    if (kept.length > 0) this.lists.set(credential, kept);
    else this.lists.delete(credential);
  }

  /** Drops every holding of `credential`. */
  removeCredential(credential: number): void {
    this.lists.delete(credential);
  }

  /** The holdings of `credential` (flat, see the class), or undefined when nobody holds it. */
  of(credential: number): readonly number[] | undefined {
    return this.lists.get(credential);
  }

  /** The distinct learners holding `credential`. */
  holders(credential: number): Set<number> {
    const learners = new Set<number>();
    const list = this.lists.get(credential) ?? [];
    for (let at = 0; at < list.length; at += HOLDING_STRIDE) learners.add(list[at]!);
    return learners;
  }
}
