/**
 * The access rules, all in one place. Each function answers one question about one viewer and
 * one resource and throws FORBIDDEN (or UNAUTHENTICATED for anonymous callers) when the answer is
 * no. The GraphQL access policies (`src/graphql/access/policies.ts`) call them; they gather the
 * facts (who owns what, who was granted access) and ask.
 */
import { ForbiddenError, UnauthenticatedError } from '../errors';
import { hasRole, type Role, type Viewer } from './viewer';

/** Facts about a learner record that access depends on. */
export interface LearnerFacts {
  readonly learnerId: string;
  /** Subjects of advisors the learner granted access to (empty when the learner does not exist). */
  readonly advisorSubjects: readonly string[];
}

function deny(viewer: Viewer, message: string): never {
  if (viewer.subject === null) throw new UnauthenticatedError(`Authentication required: ${message}`);
  throw new ForbiddenError(message);
}

/** ADMIN may do anything. */
export function isAdmin(viewer: Viewer): boolean {
  return hasRole(viewer, 'ADMIN');
}

/** Requires one of the roles. */
export function requireRole(viewer: Viewer, roles: readonly Role[], what: string): void {
  if (isAdmin(viewer) || roles.some((role) => hasRole(viewer, role))) return;
  deny(viewer, `${what} requires the role ${roles.join(' or ')}`);
}

/**
 * Whether {@link assertCanReadLearner} allows the read whatever the learner granted: ADMIN, or
 * the learner themself. Callers skip looking up the learner's grants then, which is the common
 * case (a learner's app asking about its own learner) and spares a database round trip.
 *
 * @example
 * readsLearnerWithoutGrants({ subject: 'u1', roles: ['LEARNER'], learnerId: 'l1', ... }, 'l1'); // true
 * readsLearnerWithoutGrants({ subject: 'a1', roles: ['ADVISOR'], ... }, 'l1'); // false: ask the grants
 */
export function readsLearnerWithoutGrants(viewer: Viewer, learnerId: string): boolean {
  return isAdmin(viewer) || (hasRole(viewer, 'LEARNER') && viewer.learnerId === learnerId);
}

/** Reading a learner's record, holdings, coverage and plans: the learner, an advisor they granted, or ADMIN. */
export function assertCanReadLearner(viewer: Viewer, learner: LearnerFacts): void {
  if (readsLearnerWithoutGrants(viewer, learner.learnerId)) return;
  if (hasRole(viewer, 'ADVISOR') && viewer.subject !== null && learner.advisorSubjects.includes(viewer.subject)) return;
  deny(viewer, 'you may not see this learner');
}

/** Changing a learner's record, holdings, declarations, consent and grants: the learner or ADMIN. */
export function assertCanWriteLearner(viewer: Viewer, learnerId: string): void {
  if (isAdmin(viewer)) return;
  if (hasRole(viewer, 'LEARNER') && viewer.learnerId === learnerId) return;
  deny(viewer, 'you may not change this learner');
}

/** Writing a provider or its credentials: that provider or ADMIN. `ownerId` null means a new record. */
export function assertCanWriteProvider(viewer: Viewer, providerId: string): void {
  if (isAdmin(viewer)) return;
  if (hasRole(viewer, 'PROVIDER') && viewer.providerId === providerId) return;
  deny(viewer, `you may not write for provider ${providerId}`);
}

/** Writing a job posting or ranking candidates for it: its portal or ADMIN. */
export function assertCanUsePosting(viewer: Viewer, portalId: string | null): void {
  if (isAdmin(viewer)) return;
  if (hasRole(viewer, 'PORTAL') && portalId !== null && viewer.portalId === portalId) return;
  deny(viewer, 'you may only use your own job postings');
}

/**
 * A learner reached as a ranked candidate: a portal sees the display name (and the coverage
 * explanation on the match), nothing else of the record.
 */
export const CANDIDATE_VISIBLE_FIELDS: ReadonlySet<string> = new Set(['id', 'displayName']);

/**
 * The provider a write of credentials is confined to: null for ADMIN (any provider), the token's
 * provider otherwise. Repositories compare it with the stored owner inside the writing transaction.
 */
export function providerScope(viewer: Viewer): string | null {
  if (isAdmin(viewer)) return null;
  // Never null for anyone else: null means unconfined.
  if (viewer.providerId === null) deny(viewer, 'writing credentials needs a PROVIDER token naming its providerId');
  return viewer.providerId;
}

/** The portal a write of job postings is confined to: null for ADMIN, the token's portal otherwise. */
export function portalScope(viewer: Viewer): string | null {
  if (isAdmin(viewer)) return null;
  if (viewer.portalId === null) deny(viewer, 'writing job postings needs a PORTAL token naming its portalId');
  return viewer.portalId;
}

/**
 * Checks a stored owner against a writer's scope (null scope: ADMIN, anything goes). A record
 * without an owner belongs to nobody a scoped writer could be, so it is not theirs either.
 *
 * @example
 * assertOwnerInScope('prov-a', 'prov-b', 'credential c1') // throws FORBIDDEN
 */
export function assertOwnerInScope(scope: string | null, storedOwner: string | null, what: string): void {
  if (scope === null || storedOwner === scope) return;
  throw new ForbiddenError(`${what} belongs to another owner`);
}

/**
 * The owner a new record takes when the input names none: the token's own portal or provider.
 * ADMIN tokens have no default (the input must say).
 */
export function defaultOwner(
  viewer: Viewer,
  role: 'PORTAL' | 'PROVIDER',
  given: string | null | undefined,
): string | null {
  if (given != null) return given;
  if (isAdmin(viewer) || !hasRole(viewer, role)) return null;
  return role === 'PORTAL' ? viewer.portalId : viewer.providerId;
}

/** The learner a LEARNER's `createLearner` creates when the input names no id: their own. */
export function defaultLearnerId(viewer: Viewer, given: string | null | undefined): string | null {
  if (given != null) return given;
  return !isAdmin(viewer) && hasRole(viewer, 'LEARNER') ? viewer.learnerId : null;
}

/**
 * Only ADMIN (or an import that verified the proof) vouches for a holding: a learner marking
 * their own credential verified would make the flag meaningless to portals and advisors.
 */
export function assertCanSetVerified(viewer: Viewer, verified: boolean | null | undefined): void {
  if (verified !== true || isAdmin(viewer)) return;
  deny(viewer, 'only ADMIN may mark a holding verified');
}

/**
 * Only ADMIN sets a learner's externalId: imports attach credentials to the record holding that
 * identifier, so claiming someone else's e-mail would capture their credentials.
 */
export function assertCanSetExternalId(viewer: Viewer, externalId: string | null | undefined): void {
  if (externalId == null || isAdmin(viewer)) return;
  deny(viewer, 'only ADMIN may set externalId (imports attach credentials by it)');
}

/**
 * Ranking the consenting population (`rankCandidates`): a PORTAL token that names its portal, or
 * ADMIN. A PORTAL without a portalId is not accountable to any portal and is refused.
 */
export function assertCanRankCandidates(viewer: Viewer): void {
  requireRole(viewer, ['PORTAL'], 'rankCandidates');
  if (isAdmin(viewer) || viewer.portalId !== null) return;
  deny(viewer, 'rankCandidates needs a PORTAL token naming its portalId');
}

/**
 * Choosing `policy.asOf` reveals when each holding was issued and expires (a caller can bisect the
 * date), so on a learner's data it is open only to those who may read the learner's holdings.
 * For `rankCandidates` that is ADMIN alone: a portal sees candidates, never their holdings.
 */
export function assertCanChooseAsOfForCandidates(viewer: Viewer, asOf: unknown): void {
  if (asOf == null || isAdmin(viewer)) return;
  deny(
    viewer,
    'policy.asOf may not be chosen when ranking candidates (it would reveal holding dates); omit it to rank as of now',
  );
}

/**
 * The portal whose own postings the viewer lists (`myJobPostings`): the token's portalId, for a
 * PORTAL token (or an ADMIN token that names one). Anyone else has no postings of their own.
 */
export function ownPortalId(viewer: Viewer): string {
  if ((hasRole(viewer, 'PORTAL') || isAdmin(viewer)) && viewer.portalId !== null) return viewer.portalId;
  return deny(viewer, 'listing your own job postings needs a PORTAL token naming its portalId');
}

/**
 * Who an import of a credential document records the holding for: null for ADMIN (the learner
 * the document names, created when unknown), the token's own learner for a LEARNER token naming
 * its learnerId (a self-import, never another learner). Anyone else may not import.
 */
export function credentialImportLearner(viewer: Viewer): string | null {
  if (isAdmin(viewer)) return null;
  if (hasRole(viewer, 'LEARNER') && viewer.learnerId !== null) return viewer.learnerId;
  return deny(
    viewer,
    'importing credentials requires the role ADMIN, or a LEARNER token naming its learnerId (to import a credential issued to you)',
  );
}
