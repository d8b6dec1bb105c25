import { LocalDateResolver } from 'graphql-scalars';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Access } from '../access/access-policy';
import {
  addHoldingAccess,
  createLearnerAccess,
  deleteMicroCredentialAccess,
  upsertJobPostingAccess,
  upsertMicroCredentialAccess,
  upsertProviderAccess,
  writeLearner,
} from '../access/policies';
import type { GraphQLContext } from '../context';
import { JobPostingInput, LearnerInput, MicroCredentialInput, ProviderInput } from '../inputs/catalog-inputs';
import { Provider } from '../types/provider-type';
import { MicroCredential } from '../types/micro-credential-type';
import { Learner } from '../types/learner-type';
import { JobPosting } from '../types/job-posting-type';
import { validateProviderInput } from '../../domain/catalog/provider-input';
import { validateCredentialInput } from '../../domain/catalog/credential-input';
import {
  withVerification,
  validateHoldingInput,
  validateLearnerInput,
  validateSkillUris,
} from '../../domain/catalog/learner-input';
import { validateJobPostingInput } from '../../domain/catalog/job-posting-input';
import { checkId } from '../../domain/catalog/field-checks';
import { BadInputError } from '../../domain/errors';
import { attestedVerification } from '../../domain/verification/verification';
import { reloadWritten } from '../loaders/keyed-loader';
import { defaultLearnerId, defaultOwner, portalScope, providerScope } from '../../domain/access/access-rules';

/**
 * Writes to the catalog, learners and job postings. Each one is atomic. A write answers what it
 * wrote: the request's loaders may hold the record as it was before (loaded by an earlier field or
 * mutation of the same request), so the written keys are cleared before the answer is loaded.
 */
@Resolver()
export class CatalogMutationResolver {
  @Access(upsertProviderAccess)
  @Mutation(() => Provider, { description: 'Creates or updates an awarding body.' })
  async upsertProvider(
    @Arg('input', () => ProviderInput, { description: 'The awarding body; an existing id updates it.' })
    input: ProviderInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const provider = await ctx.services.catalog.mergeProvider(
      validateProviderInput({ ...input, id: defaultOwner(ctx.viewer, 'PROVIDER', input.id) }),
    );
    ctx.loaders.provider.clear(provider.id).prime(provider.id, provider);
    return provider;
  }

  @Access(upsertMicroCredentialAccess)
  @Mutation(() => MicroCredential, {
    description: 'Creates a micro-credential, or replaces the one with the same id (all its links included).',
  })
  async upsertMicroCredential(
    @Arg('input', () => MicroCredentialInput, { description: 'The micro-credential; an existing id replaces it.' })
    input: MicroCredentialInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const providerId = defaultOwner(ctx.viewer, 'PROVIDER', input.providerId);
    if (providerId === null)
      throw new BadInputError('providerId is required (only a PROVIDER token supplies a default)', {
        field: 'providerId',
      });
    const id = await ctx.services.catalog.mergeCredential(
      validateCredentialInput({ ...input, providerId }),
      providerScope(ctx.viewer),
    );
    return reloadWritten(ctx.loaders.credential, id, 'credential');
  }

  @Access(deleteMicroCredentialAccess)
  @Mutation(() => Boolean, { description: 'Deletes a micro-credential. CONFLICT while a learner holds it.' })
  async deleteMicroCredential(
    @Arg('id', () => ID, { description: 'Id of the micro-credential to delete.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    await ctx.services.catalog.deleteCredential(checkId('id', id), providerScope(ctx.viewer));
    ctx.loaders.credential.clear(id);
    return true;
  }

  @Access(createLearnerAccess)
  @Mutation(() => Learner, {
    description:
      "Creates a learner record. Matching consent is off unless given; a LEARNER token's own learner id is the default id.",
  })
  async createLearner(
    @Arg('input', () => LearnerInput, { description: 'The learner record.' }) input: LearnerInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const id = await ctx.services.learners.createLearner(
      validateLearnerInput({ ...input, id: defaultLearnerId(ctx.viewer, input.id) }),
    );
    return reloadWritten(ctx.loaders.learner, id, 'learner');
  }

  @Access(addHoldingAccess)
  @Mutation(() => Learner, {
    description: 'Records that a learner holds a credential (updates the holding if already there).',
  })
  async addHolding(
    @Arg('learnerId', () => ID, { description: 'Id of the learner.' }) learnerId: string,
    @Arg('credentialId', () => ID, { description: 'Id of the micro-credential held.' }) credentialId: string,
    @Arg('issuedOn', () => LocalDateResolver, {
      nullable: true,
      description: 'Day the credential was issued (LocalDate, YYYY-MM-DD).',
    })
    issuedOn: string | null,
    @Arg('expiresOn', () => LocalDateResolver, {
      nullable: true,
      description: 'Last day the credential is valid (LocalDate, YYYY-MM-DD); absent when it does not expire.',
    })
    expiresOn: string | null,
    @Arg('verified', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description:
        "ADMIN only (FORBIDDEN otherwise): true records an administrator's attestation (an ATTESTATION check, no cryptographic proof) as the holding's verification. Holdings imported with importCredential are verified by their proof instead.",
    })
    verified: boolean | null,
    @Arg('evidenceUrl', () => String, {
      description: 'A URL where the award can be checked (e.g. a badge page).',
      nullable: true,
    })
    evidenceUrl: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const holding = validateHoldingInput({ issuedOn, expiresOn, evidenceUrl });
    // The access guard has already refused `verified: true` from anyone but ADMIN.
    const recorded =
      verified === true
        ? withVerification(holding, attestedVerification(ctx.viewer.subject ?? 'admin', new Date()))
        : holding;
    await ctx.services.learners.mergeHolding(
      checkId('learnerId', learnerId),
      checkId('credentialId', credentialId),
      recorded,
    );
    return reloadWritten(ctx.loaders.learner, learnerId, 'learner');
  }

  @Access(writeLearner('learnerId'))
  @Mutation(() => Learner, { description: "Removes a credential from a learner's holdings." })
  async removeHolding(
    @Arg('learnerId', () => ID, { description: 'Id of the learner.' }) learnerId: string,
    @Arg('credentialId', () => ID, { description: 'Id of the micro-credential to remove from the holdings.' })
    credentialId: string,
    @Ctx() ctx: GraphQLContext,
  ) {
    await ctx.services.learners.deleteHolding(checkId('learnerId', learnerId), checkId('credentialId', credentialId));
    return reloadWritten(ctx.loaders.learner, learnerId, 'learner');
  }

  @Access(writeLearner('learnerId'))
  @Mutation(() => Learner, {
    description: 'Adds self-declared skills; with replace: true the list replaces the previous declarations.',
  })
  async declareSkills(
    @Arg('learnerId', () => ID, { description: 'Id of the learner.' }) learnerId: string,
    @Arg('skillUris', () => [ID], { description: 'ESCO URIs of the declared skills.' }) skillUris: string[],
    @Arg('replace', () => Boolean, {
      description: 'True replaces every previous declaration; false (default) adds to them.',
      defaultValue: false,
    })
    replace: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    await ctx.services.learners.setDeclaredSkills(
      checkId('learnerId', learnerId),
      validateSkillUris('skillUris', skillUris),
      replace,
    );
    return reloadWritten(ctx.loaders.learner, learnerId, 'learner');
  }

  @Access(writeLearner('learnerId'))
  @Mutation(() => Learner, { description: 'Sets whether job portals may rank the learner as a candidate.' })
  async setMatchingConsent(
    @Arg('learnerId', () => ID, { description: 'Id of the learner.' }) learnerId: string,
    @Arg('consent', { description: 'True lets job portals rank the learner as a candidate; false withdraws that.' })
    consent: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    await ctx.services.learners.setMatchingConsent(checkId('learnerId', learnerId), consent);
    return reloadWritten(ctx.loaders.learner, learnerId, 'learner');
  }

  @Access(upsertJobPostingAccess)
  @Mutation(() => JobPosting, {
    description: "Creates or replaces a job posting; without requirements it takes the occupation's.",
  })
  async upsertJobPosting(
    @Arg('input', () => JobPostingInput, { description: 'The job posting; an existing id replaces it.' })
    input: JobPostingInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    const portalId = defaultOwner(ctx.viewer, 'PORTAL', input.portalId);
    const id = await ctx.services.postings.mergeJobPosting(
      validateJobPostingInput({ ...input, portalId }),
      portalScope(ctx.viewer),
    );
    return reloadWritten(ctx.loaders.jobPosting, id, 'job posting');
  }
}
