/**
 * The access rules, all in one place. Each function answers one question about one viewer and
 * one resource and throws FORBIDDEN (or UNAUTHENTICATED for anonymous callers) when the answer is
 * no. The GraphQL access guard is the only caller; it gathers the facts (who owns what, who was
 * granted access) and asks.
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

/** Reading a learner's record, holdings, coverage and plans: the learner, an advisor they granted, or ADMIN. */
export function assertCanReadLearner(viewer: Viewer, learner: LearnerFacts): void {
  if (isAdmin(viewer)) return;
  if (hasRole(viewer, 'LEARNER') && viewer.learnerId === learner.learnerId) return;
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
