import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { JobPostingInput, LearnerInput, MicroCredentialInput, ProviderInput } from '../inputs/catalog-inputs';
import { Provider } from '../types/provider-type';
import { MicroCredential } from '../types/micro-credential-type';
import { Learner } from '../types/learner-type';
import { JobPosting } from '../types/job-posting-type';
import { validateProviderInput } from '../../domain/catalog/provider-input';
import { validateCredentialInput } from '../../domain/catalog/credential-input';
import { validateHoldingInput, validateLearnerInput, validateSkillUris } from '../../domain/catalog/learner-input';
import { validateJobPostingInput } from '../../domain/catalog/job-posting-input';
import { checkId } from '../../domain/catalog/field-checks';

/** Writes to the catalog, learners and job postings. Each one is atomic. */
@Resolver()
export class CatalogMutationResolver {
  @Mutation(() => Provider, { description: 'Creates or updates an awarding body.' })
  upsertProvider(@Arg('input', () => ProviderInput) input: ProviderInput, @Ctx() ctx: GraphQLContext) {
    return ctx.services.catalog.mergeProvider(validateProviderInput(input));
  }

  @Mutation(() => MicroCredential, { description: 'Creates a micro-credential, or replaces the one with the same id (all its links included).' })
  async upsertMicroCredential(@Arg('input', () => MicroCredentialInput) input: MicroCredentialInput, @Ctx() ctx: GraphQLContext) {
    const id = await ctx.services.catalog.mergeCredential(validateCredentialInput(input));
    return ctx.loaders.credential.load(id);
  }

  @Mutation(() => Boolean, { description: 'Deletes a micro-credential. CONFLICT while a learner holds it.' })
  async deleteMicroCredential(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext) {
    await ctx.services.catalog.deleteCredential(checkId('id', id));
    return true;
  }

  @Mutation(() => Learner, { description: 'Creates a learner record. Matching consent is off unless given.' })
  async createLearner(@Arg('input', () => LearnerInput) input: LearnerInput, @Ctx() ctx: GraphQLContext) {
    const id = await ctx.services.learners.createLearner(validateLearnerInput(input));
    return ctx.loaders.learner.load(id);
  }

  @Mutation(() => Learner, { description: 'Records that a learner holds a credential (updates the holding if already there).' })
  async addHolding(
    @Arg('learnerId', () => ID) learnerId: string,
    @Arg('credentialId', () => ID) credentialId: string,
    @Arg('issuedOn', () => String, { nullable: true, description: 'YYYY-MM-DD' }) issuedOn: string | null,
    @Arg('expiresOn', () => String, { nullable: true, description: 'YYYY-MM-DD' }) expiresOn: string | null,
    @Arg('verified', () => Boolean, { nullable: true, defaultValue: false, deprecationReason: 'Ignored: a holding is verified only by importCredential checking the credential\'s proof.' }) verified: boolean | null,
    @Arg('evidenceUrl', () => String, { nullable: true }) evidenceUrl: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    await ctx.services.learners.mergeHolding(checkId('learnerId', learnerId), checkId('credentialId', credentialId), validateHoldingInput({ issuedOn, expiresOn, verified, evidenceUrl }));
    return ctx.loaders.learner.load(learnerId);
  }

  @Mutation(() => Learner, { description: "Removes a credential from a learner's holdings." })
  async removeHolding(@Arg('learnerId', () => ID) learnerId: string, @Arg('credentialId', () => ID) credentialId: string, @Ctx() ctx: GraphQLContext) {
    await ctx.services.learners.deleteHolding(checkId('learnerId', learnerId), checkId('credentialId', credentialId));
    return ctx.loaders.learner.load(learnerId);
  }

  @Mutation(() => Learner, { description: 'Adds self-declared skills; with replace: true the list replaces the previous declarations.' })
  async declareSkills(
    @Arg('learnerId', () => ID) learnerId: string,
    @Arg('skillUris', () => [ID]) skillUris: string[],
    @Arg('replace', () => Boolean, { defaultValue: false }) replace: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    await ctx.services.learners.setDeclaredSkills(checkId('learnerId', learnerId), validateSkillUris('skillUris', skillUris), replace);
    return ctx.loaders.learner.load(learnerId);
  }

  @Mutation(() => Learner, { description: 'Sets whether job portals may rank the learner as a candidate.' })
  async setMatchingConsent(@Arg('learnerId', () => ID) learnerId: string, @Arg('consent') consent: boolean, @Ctx() ctx: GraphQLContext) {
    await ctx.services.learners.setMatchingConsent(checkId('learnerId', learnerId), consent);
    return ctx.loaders.learner.load(learnerId);
  }

  @Mutation(() => JobPosting, { description: "Creates or replaces a job posting; without requirements it takes the occupation's." })
  async upsertJobPosting(@Arg('input', () => JobPostingInput) input: JobPostingInput, @Ctx() ctx: GraphQLContext) {
    const id = await ctx.services.postings.mergeJobPosting(validateJobPostingInput(input));
    return ctx.loaders.jobPosting.load(id);
  }
}
