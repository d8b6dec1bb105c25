/**
 * The access policies operations declare with `@Access(...)`. Each one gathers the facts a rule
 * needs (the learner's advisor grants, a posting's portal) and asks the pure rules of
 * `src/domain/access/access-rules.ts`. Ownership of records that already exist (a credential's
 * provider, a posting's portal, a stackability target) is checked by the repositories inside the
 * writing transaction, after locking the record, so a concurrent write cannot slip in between.
 */
import type { AccessPolicy, PolicyRequest } from './access-policy';
import type { GraphQLContext } from '../context';
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
  readsLearnerWithoutGrants,
  requireRole,
  type LearnerFacts,
} from '../../domain/access/access-rules';
import type { Viewer } from '../../domain/access/viewer';
import { NotFoundError } from '../../domain/errors';

/** Marks a learner reached as a ranked candidate (a portal sees only the display name). */
export const CANDIDATE_VIEW = Symbol('candidate-view');

/** A property of an argument object (an input), or undefined when the argument is absent. */
function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** An optional string argument as given (ids the rules compare), null when absent. */
function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

async function learnerFacts(ctx: GraphQLContext, learnerId: string): Promise<LearnerFacts> {
  const learner = await ctx.loaders.learner.load(learnerId);
  return { learnerId, advisorSubjects: learner?.advisorSubjects ?? [] };
}

/** The learner read rule, looking up the learner's grants only when the answer depends on them. */
async function assertReadLearner(viewer: Viewer, ctx: GraphQLContext, learnerId: string): Promise<void> {
  if (readsLearnerWithoutGrants(viewer, learnerId)) return;
  assertCanReadLearner(viewer, await learnerFacts(ctx, learnerId));
}

/** Open to anyone, anonymous included: the taxonomy, the catalog and non-personal analysis. */
export const publicAccess: AccessPolicy = () => {
  // Every viewer may read it: nothing to check.
};

/** ADMIN only: imports and anything not opened to others. Also what a field without a policy gets. */
export const adminOnly: AccessPolicy = ({ viewer, field }) => requireRole(viewer, ['ADMIN'], field);

/**
 * Operations whose `subject` may be a learner: open for other subjects; for a learner, the
 * learner's read access applies (the learner, an advisor they granted, ADMIN).
 */
export const readSubjectLearner: AccessPolicy = async ({ viewer, context, args }) => {
  const learnerId = member(args.subject, 'learnerId');
  if (typeof learnerId === 'string') await assertReadLearner(viewer, context, learnerId);
};

/** Reading the learner named by the argument `argName`. */
export function readLearner(argName: string): AccessPolicy {
  return async ({ viewer, context, args }) => {
    await assertReadLearner(viewer, context, String(args[argName]));
  };
}

/** Changing (or exporting all of) the learner named by the argument `argName`: the learner or ADMIN. */
export function writeLearner(argName: string): AccessPolicy {
  return ({ viewer, args }) => assertCanWriteLearner(viewer, String(args[argName]));
}

/** `addHolding`: a learner write, and only ADMIN vouches for a holding (`verified: true`). */
export const addHoldingAccess: AccessPolicy = (request) => {
  assertCanSetVerified(request.viewer, request.args.verified === true);
  return writeLearner('learnerId')(request);
};

/** `createLearner`: only ADMIN sets externalId; a LEARNER creates only their own id. */
export const createLearnerAccess: AccessPolicy = ({ viewer, args }) => {
  assertCanSetExternalId(viewer, optionalString(member(args.input, 'externalId')));
  assertCanWriteLearner(viewer, String(defaultLearnerId(viewer, optionalString(member(args.input, 'id'))) ?? ''));
};

/** `upsertProvider`: that provider (the token's when the input names none) or ADMIN. */
export const upsertProviderAccess: AccessPolicy = ({ viewer, args }) =>
  assertCanWriteProvider(
    viewer,
    String(defaultOwner(viewer, 'PROVIDER', optionalString(member(args.input, 'id'))) ?? ''),
  );

/** `upsertMicroCredential`: the provider the input names (the token's by default) or ADMIN. */
export const upsertMicroCredentialAccess: AccessPolicy = ({ viewer, args }) =>
  assertCanWriteProvider(
    viewer,
    String(defaultOwner(viewer, 'PROVIDER', optionalString(member(args.input, 'providerId'))) ?? ''),
  );

/** `deleteMicroCredential`: a PROVIDER or ADMIN; which provider owns the credential is checked in the deleting transaction. */
export const deleteMicroCredentialAccess: AccessPolicy = ({ viewer }) =>
  assertCanWriteProvider(viewer, viewer.providerId ?? '');

/** `upsertJobPosting`: a PORTAL writing its own portal's postings, or ADMIN. */
export const upsertJobPostingAccess: AccessPolicy = ({ viewer, args, field }) => {
  requireRole(viewer, ['PORTAL'], field);
  assertCanUsePosting(viewer, defaultOwner(viewer, 'PORTAL', optionalString(member(args.input, 'portalId'))));
};

/** `myJobPostings`: a PORTAL (the resolver lists the token's own portal; FORBIDDEN without one), or ADMIN. */
export const ownPostingsAccess: AccessPolicy = ({ viewer, field }) => requireRole(viewer, ['PORTAL'], field);

/**
 * `deleteJobPosting`: a PORTAL naming its portal, or ADMIN; which portal owns the posting is
 * checked by the repository in the deleting transaction, after locking it.
 */
export const deleteJobPostingAccess: AccessPolicy = ({ viewer, field }) => {
  requireRole(viewer, ['PORTAL'], field);
  assertCanUsePosting(viewer, viewer.portalId);
};

/**
 * `importCredential` / `importPresentation`: ADMIN, or a LEARNER naming its learnerId, who imports
 * for their own record only (the service binds the holding to the token's learner and checks the
 * document's holder under the learner's lock).
 */
export const importCredentialAccess: AccessPolicy = ({ viewer }) => {
  credentialImportLearner(viewer);
};

/** `rankCandidates`: a PORTAL naming its portal (its own postings only, never `policy.asOf`) or ADMIN. */
export const rankCandidatesAccess: AccessPolicy = async ({ viewer, context, args }) => {
  assertCanRankCandidates(viewer);
  assertCanChooseAsOfForCandidates(viewer, member(args.policy, 'asOf'));
  const postingId = member(args.target, 'jobPostingId');
  if (typeof postingId === 'string') {
    // The scoring source's view of the posting (the read model when it is on): the portal checked
    // is the one whose requirements the ranking then reads, and no extra database round trip.
    const posting = await context.services.coverageData.getJobPostingRequirements(postingId);
    if (!posting.found) throw new NotFoundError(`unknown job posting: ${postingId}`, { items: [postingId] });
    assertCanUsePosting(viewer, posting.portalId ?? null);
  }
};

/** The facts of the learner a Learner field is read on. */
function parentLearner({ root }: PolicyRequest): LearnerFacts & { candidateView: boolean } {
  const learnerId = member(root, 'id');
  const advisorSubjects = member(root, 'advisorSubjects');
  return {
    learnerId: typeof learnerId === 'string' ? learnerId : '',
    advisorSubjects: Array.isArray(advisorSubjects)
      ? advisorSubjects.filter((s): s is string => typeof s === 'string')
      : [],
    candidateView: typeof root === 'object' && root !== null && Reflect.get(root, CANDIDATE_VIEW) === true,
  };
}

/** A field of a learner, wherever the learner is reached: readable by whoever may read the learner. */
export const learnerField: AccessPolicy = (request) => assertCanReadLearner(request.viewer, parentLearner(request));

/**
 * A field of a learner a portal also sees on a ranked candidate (`CANDIDATE_VIEW`); on any other
 * learner it is as closed as `learnerField`.
 */
export const candidateVisibleLearnerField: AccessPolicy = (request) => {
  const learner = parentLearner(request);
  if (learner.candidateView && CANDIDATE_VISIBLE_FIELDS.has(request.field)) return;
  assertCanReadLearner(request.viewer, learner);
};
