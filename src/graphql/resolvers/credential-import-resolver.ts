import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import type { GraphQLContext } from '../context';
import { CredentialImportResult } from '../types/credential-import-type';

/** Standards-based import of credential documents. */
@Resolver()
export class CredentialImportResolver {
  @Mutation(() => CredentialImportResult, {
    description:
      'Imports an Open Badges 2.0/3.0 or ELM (European Digital Credential) document: issuer, micro-credential with its ESCO skills and, for an issued credential, the holding of the learner it names — all or nothing. Rejected with the reason when the document is not a credential, lacks a title or issuer, carries no ESCO skill or cites ESCO URIs the graph does not hold.',
  })
  async importCredential(@Arg('document', () => JSONResolver) document: unknown, @Ctx() ctx: GraphQLContext) {
    const outcome = await ctx.services.credentialImport.importDocument(document);
    // Answer what was written, not what an earlier import of this request left in the loaders.
    ctx.loaders.credential.clear(outcome.credentialId);
    ctx.loaders.provider.clear(outcome.providerId);
    if (outcome.learnerId !== null) ctx.loaders.learner.clear(outcome.learnerId);
    const [credential, provider, learner] = await Promise.all([
      ctx.loaders.credential.load(outcome.credentialId),
      ctx.loaders.provider.load(outcome.providerId),
      outcome.learnerId === null ? null : ctx.loaders.learner.load(outcome.learnerId),
    ]);
    return { ...outcome, credential, provider, learner };
  }
}
