import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { JSONResolver } from 'graphql-scalars';
import { Access } from '../access/access-policy';
import { importCredentialAccess, publicAccess } from '../access/policies';
import type { GraphQLContext } from '../context';
import { CredentialImportResult, PresentationItemResult } from '../types/credential-import-type';
import { Verification, toVerificationType } from '../types/verification-type';
import type { CredentialImportOutcome } from '../../services/credential-import-service';
import { credentialsOfPresentation } from '../../domain/verification/presentation';
import { BadInputError, DomainError } from '../../domain/errors';
import { reloadWritten } from '../loaders/keyed-loader';
import { credentialImportLearner } from '../../domain/access/access-rules';

const STATUS_LISTS_DESCRIPTION =
  "Status list credentials (Bitstring Status List or StatusList2021) to check revocation against without fetching them; matched to the credential's status entries by id. At most 4.";
const MAX_STATUS_LISTS = 4;

/** Standards-based import and verification of credential documents. */
@Resolver()
export class CredentialImportResolver {
  @Access(importCredentialAccess)
  @Mutation(() => CredentialImportResult, {
    description:
      "Imports an Open Badges 2.0/3.0 or ELM (European Digital Credential) document, or a VC-JWT given as a JSON string: verifies its proof, then writes the issuer, the micro-credential with its ESCO skills and, for an issued credential, the holding of the learner it names with the verification — all or nothing. ADMIN, or a LEARNER importing a credential issued to them: the holding then goes to the token's own learner only (FORBIDDEN when the document names another holder than the learner's externalId), and an existing catalog entry is kept. Rejected with the reason when the document is not a credential, lacks a title or issuer, carries no ESCO skill or cites ESCO URIs the graph does not hold. An Open Badge without ESCO alignments is not rejected: its name, description and criteria are mapped to at most 5 ESCO skills with confidence of at least 0.4, stored as MAPPED links with their confidence and source text (rejected only when nothing maps). A verifiable presentation goes to importPresentation.",
  })
  async importCredential(
    @Arg('document', () => JSONResolver, {
      description: 'The credential document: a JSON-LD object, or a VC-JWT as a JSON string.',
    })
    document: unknown,
    @Arg('statusLists', () => [JSONResolver], { nullable: true, description: STATUS_LISTS_DESCRIPTION }) statusLists:
      | unknown[]
      | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    if (credentialsOfPresentation(document) !== null) {
      throw new BadInputError(
        'the document is a VerifiablePresentation: import it with importPresentation, which answers for each credential',
        { field: 'document' },
      );
    }
    const outcome = await ctx.services.credentialImport.importDocument(document, {
      statusLists: checkStatusLists(statusLists),
      selfLearnerId: credentialImportLearner(ctx.viewer),
    });
    return this.shape(outcome, ctx);
  }

  @Access(importCredentialAccess)
  @Mutation(() => [PresentationItemResult], {
    description:
      "Imports each credential of a verifiable presentation (JSON-LD or VP-JWT, at most 20 credentials) on its own, as importCredential would: each is verified and written all or nothing, and the answer lists each with its result or error. The holder's signature on the presentation itself is not checked. ADMIN, or a LEARNER for their own record as in importCredential.",
  })
  async importPresentation(
    @Arg('document', () => JSONResolver, {
      description: 'The verifiable presentation: a JSON-LD object, or a VP-JWT as a JSON string.',
    })
    document: unknown,
    @Arg('statusLists', () => [JSONResolver], { nullable: true, description: STATUS_LISTS_DESCRIPTION }) statusLists:
      | unknown[]
      | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PresentationItemResult[]> {
    const credentials = credentialsOfPresentation(document);
    if (credentials === null)
      throw new BadInputError(
        'the document is not a VerifiablePresentation (type VerifiablePresentation with verifiableCredential)',
        { field: 'document' },
      );
    const lists = checkStatusLists(statusLists);
    const selfLearnerId = credentialImportLearner(ctx.viewer);
    const items: PresentationItemResult[] = [];
    // One after another: each import is its own transaction, and order keeps answers stable.
    for (const [index, credential] of credentials.entries()) {
      try {
        const outcome = await ctx.services.credentialImport.importDocument(credential, {
          statusLists: lists,
          selfLearnerId,
        });
        items.push({ index, result: await this.shape(outcome, ctx), error: null });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        items.push({ index, result: null, error: { code: error.code, message: error.message } });
      }
    }
    return items;
  }

  @Access(publicAccess)
  @Query(() => Verification, {
    description:
      'Checks a credential (JSON-LD with an embedded proof, or a VC-JWT as a JSON string) without storing anything: signature, issuer key, validity dates and revocation status. Open to anonymous callers, under the rate limit.',
  })
  async verifyCredential(
    @Arg('document', () => JSONResolver, {
      description: 'The credential: a JSON-LD object with an embedded proof, or a VC-JWT as a JSON string.',
    })
    document: unknown,
    @Arg('statusLists', () => [JSONResolver], { nullable: true, description: STATUS_LISTS_DESCRIPTION }) statusLists:
      | unknown[]
      | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Verification> {
    const { verification } = await ctx.services.verifier.verify(document, {
      statusLists: checkStatusLists(statusLists),
    });
    return toVerificationType(verification);
  }

  private async shape(outcome: CredentialImportOutcome, ctx: GraphQLContext): Promise<CredentialImportResult> {
    // Answer what was written, not what an earlier import of this request left in the loaders.
    const [credential, provider, learner] = await Promise.all([
      reloadWritten(ctx.loaders.credential, outcome.credentialId, 'credential'),
      reloadWritten(ctx.loaders.provider, outcome.providerId, 'provider'),
      outcome.learnerId === null ? null : ctx.loaders.learner.clear(outcome.learnerId).load(outcome.learnerId),
    ]);
    return {
      ...outcome,
      warnings: [...outcome.warnings],
      credential,
      provider,
      learner,
      verification: toVerificationType(outcome.verification),
    };
  }
}

function checkStatusLists(lists: unknown[] | null | undefined): unknown[] {
  if (lists === null || lists === undefined) return [];
  if (lists.length > MAX_STATUS_LISTS)
    throw new BadInputError(`statusLists holds ${lists.length} lists; at most ${MAX_STATUS_LISTS} are accepted`, {
      field: 'statusLists',
    });
  return lists;
}
