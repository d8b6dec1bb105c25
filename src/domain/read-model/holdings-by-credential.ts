/**
 * Every holding of the read model, grouped by credential, with what a ranking checks of it: who
 * holds it, the holding's dates and its verification status. Ranking a posting visits tens of
 * thousands of holdings of the credentials teaching its skills; reading them here, a few flat
 * arrays, spares it each holder's own record (scattered over the heap, one memory miss after
 * another), which dominated the ranking's time on the request thread.
 */
import { GrowingLists } from './growing-lists';

/** Numbers per holding in a credential's list: learner, issuedOn, expiresOn, status. */
export const HOLDING_STRIDE = 4;

/**
 * Holdings by credential id (dense interned ids), each credential's as one flat list of
 * {@link HOLDING_STRIDE} integers per holding (`[learner, issuedOn, expiresOn, status, learner,
 * ...]`, the same codes as the learner's own record), kept in one shared array (see
 * {@link GrowingLists}; `add(credential, learner, issuedOn, expiresOn, status)` adds one). A
 * learner holding a credential twice is listed twice.
 *
 * @example
 * const index = new HoldingsByCredential();
 * index.add(7, 3, 12, -1, 1); // learner 3 holds credential 7, issued on date 12, no expiry, status 1
 * index.of(7); // Int32Array [3, 12, -1, 1]
 * index.removeLearner(7, 3);
 * index.of(7); // undefined
 */
export class HoldingsByCredential extends GrowingLists {
  constructor() {
    super(HOLDING_STRIDE);
  }

  /** Drops every holding of `credential` by `learner`. */
  removeLearner(credential: number, learner: number): void {
    this.removeEntries(credential, learner);
  }

  /** Drops every holding of `credential`. */
  removeCredential(credential: number): void {
    this.removeKey(credential);
  }

  /** The distinct learners holding `credential`. */
  holders(credential: number): Set<number> {
    return this.firsts(credential);
  }
}
