/**
 * Enforces the access rules of `src/domain/access/access-rules.ts` on every operation and on
 * every field of a learner, wherever in the graph the learner is reached (nested fields, aliases
 * and connections included). Root fields not listed here are ADMIN-only, so a new operation is
 * closed until someone decides who may use it.
 */
import type { MiddlewareFn } from 'type-graphql';
import type { GraphQLContext } from './context';
import {
  CANDIDATE_VISIBLE_FIELDS,
  assertCanChooseAsOfForCandidates,
  assertCanRankCandidates,
  assertCanReadLearner,
  assertCanSetExternalId,
  assertCanSetVerified,
  assertCanUsePosting,
  assertCanWriteLearner,
  assertCanWriteProvider,
  credentialImportLearner,
  defaultLearnerId,
  defaultOwner,
  isAdmin,
  requireRole,
} from '../domain/access/access-rules';
import { NotFoundError } from '../domain/errors';
import type { Viewer } from '../domain/access/viewer';

/** Marks a learner reached as a ranked candidate (a portal sees only the display name). */
export const CANDIDATE_VIEW = Symbol('candidate-view');

/** Open to anyone, anonymous included: the taxonomy, the catalog and non-personal analysis. */
const PUBLIC_QUERIES = new Set([
  'skill', 'occupation', 'searchSkills', 'searchOccupations', 'suggestSkills',
  'provider', 'microCredential', 'microCredentials', 'jobPosting', 'escoRelease', 'verifyCredential',
]);
/** Queries whose subject may be a learner (then the learner's read access applies). */
const SUBJECT_QUERIES = new Set(['coverage', 'rankOccupations', 'recommendCourses', 'nextCourses', 'reskillingPaths']);
const LEARNER_WRITES = new Set(['addHolding', 'removeHolding', 'declareSkills', 'setMatchingConsent', 'grantAdvisorAccess', 'revokeAdvisorAccess', 'deleteLearner']);

async function learnerFacts(ctx: GraphQLContext, learnerId: string) {
  const learner = await ctx.loaders.learner.load(learnerId);
  return { learnerId, advisorSubjects: learner?.advisorSubjects ?? [] };
}

async function guardQuery(field: string, args: Record<string, any>, ctx: GraphQLContext, viewer: Viewer): Promise<void> {
  if (PUBLIC_QUERIES.has(field)) return;
  if (SUBJECT_QUERIES.has(field)) {
    const learnerId = args.subject?.learnerId;
    if (typeof learnerId === 'string') assertCanReadLearner(viewer, await learnerFacts(ctx, learnerId));
    return;
  }
  if (field === 'learner' || field === 'exportLearnerData') {
    const learnerId = String(args.id ?? args.learnerId);
    if (field === 'exportLearnerData') assertCanWriteLearner(viewer, learnerId);
    else assertCanReadLearner(viewer, await learnerFacts(ctx, learnerId));
    return;
  }
  if (field === 'rankCandidates') {
    assertCanRankCandidates(viewer);
    assertCanChooseAsOfForCandidates(viewer, args.policy?.asOf);
    const postingId = args.target?.jobPostingId;
    if (typeof postingId === 'string') {
      const posting = await ctx.loaders.jobPosting.load(postingId);
      if (!posting) throw new NotFoundError(`unknown job posting: ${postingId}`);
      assertCanUsePosting(viewer, posting.portalId);
    }
    return;
  }
  if (field === 'myJobPostings') return requireRole(viewer, ['PORTAL'], field);
  requireRole(viewer, ['ADMIN'], field);
}

/**
 * Role and input checks of writes. Ownership of records that already exist (a credential's
 * provider, a posting's portal, a stackability target) is checked by the repositories inside the
 * writing transaction, after locking the record, so a concurrent write cannot slip in between.
 */
async function guardMutation(field: string, args: Record<string, any>, _ctx: GraphQLContext, viewer: Viewer): Promise<void> {
  if (isAdmin(viewer)) return;
  if (LEARNER_WRITES.has(field)) {
    if (field === 'addHolding') assertCanSetVerified(viewer, args.verified);
    return assertCanWriteLearner(viewer, String(args.learnerId));
  }
  switch (field) {
    case 'createLearner':
      assertCanSetExternalId(viewer, args.input?.externalId);
      return assertCanWriteLearner(viewer, String(defaultLearnerId(viewer, args.input?.id) ?? ''));
    case 'upsertProvider':
      return assertCanWriteProvider(viewer, String(defaultOwner(viewer, 'PROVIDER', args.input?.id) ?? ''));
    case 'upsertMicroCredential':
      return assertCanWriteProvider(viewer, String(defaultOwner(viewer, 'PROVIDER', args.input?.providerId) ?? ''));
    case 'deleteMicroCredential':
      // Which provider owns the credential is checked in the deleting transaction.
      return assertCanWriteProvider(viewer, viewer.providerId ?? '');
    case 'upsertJobPosting':
      requireRole(viewer, ['PORTAL'], field);
      return assertCanUsePosting(viewer, defaultOwner(viewer, 'PORTAL', args.input?.portalId));
    case 'importCredential':
    case 'importPresentation':
      // A LEARNER imports for their own record only; the service binds the holding to it.
      credentialImportLearner(viewer);
      return;
    case 'deleteJobPosting':
      // Which portal owns the posting is checked in the deleting transaction.
      requireRole(viewer, ['PORTAL'], field);
      return assertCanUsePosting(viewer, viewer.portalId);
    default:
      requireRole(viewer, ['ADMIN'], field);
  }
}

/**
 * The type-graphql global middleware. Object types other than Learner are built with
 * `simpleResolvers`, so this runs only on root fields and learner fields; it stays synchronous
 * for anything else so it adds no promise to a field that needs no check.
 */
export const accessGuard: MiddlewareFn<GraphQLContext> = ({ root, args, context, info }, next) => {
  const parent = info.parentType.name;
  if (parent === 'Query') return guardQuery(info.fieldName, args, context, context.viewer).then(next);
  if (parent === 'Mutation') return guardMutation(info.fieldName, args, context, context.viewer).then(next);
  if (parent === 'Learner') {
    const learner = root as { id: string; advisorSubjects?: string[]; [CANDIDATE_VIEW]?: boolean };
    const facts = { learnerId: learner.id, advisorSubjects: learner.advisorSubjects ?? [] };
    const candidateField = learner[CANDIDATE_VIEW] === true && CANDIDATE_VISIBLE_FIELDS.has(info.fieldName);
    if (!candidateField) assertCanReadLearner(context.viewer, facts);
  }
  return next();
};
