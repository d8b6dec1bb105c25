import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Access } from '../access/access-policy';
import { learnerField } from '../access/policies';
import { PageArgs } from '../inputs/page-args';
import type { GraphQLContext } from '../context';
import { MicroCredential, MicroCredentialConnection, Price, TaughtSkill } from '../types/micro-credential-type';
import { Provider } from '../types/provider-type';
import { Skill } from '../types/skill-type';
import { Holding, Learner } from '../types/learner-type';
import { Occupation } from '../types/occupation-type';
import { JobPosting, JobRequirement } from '../types/job-posting-type';
import type { HoldingRow } from '../../db/repositories/catalog-rows';
import { toVerificationType, type Verification } from '../types/verification-type';
import type { VerificationStatus } from '../../domain/verification/verification';
import { pageRequest } from '../../domain/pagination/cursor';
import { toConnection } from '../pagination/connection-type';
import { loadAll, loadPresent } from '../loaders/load-all';

/** Links of a micro-credential. */
@Resolver(() => MicroCredential)
export class MicroCredentialFieldResolver {
  @FieldResolver(() => Provider, { nullable: true, description: 'The awarding body.' })
  provider(@Root() c: MicroCredential, @Ctx() ctx: GraphQLContext) {
    return c.providerId ? ctx.loaders.provider.load(c.providerId) : null;
  }

  @FieldResolver(() => Price, { description: 'Price of the course; null when unknown.', nullable: true })
  price(@Root() c: MicroCredential) {
    return c.priceAmount == null || c.priceCurrency == null
      ? null
      : { amount: c.priceAmount, currency: c.priceCurrency };
  }

  @FieldResolver(() => [TaughtSkill], { description: 'ESCO skills the credential teaches.' })
  async skills(@Root() c: MicroCredential, @Ctx() ctx: GraphQLContext) {
    const links = c.skills ?? (await ctx.loaders.credentialSkillLinks.load(c.id)).skills;
    const skills = await loadAll(
      ctx.loaders.skill,
      links.map((s) => s.uri),
    );
    return links.flatMap((taught, i) => {
      const skill = skills[i];
      return skill
        ? [{ skill, source: taught.source, confidence: taught.confidence, sourceText: taught.sourceText ?? null }]
        : [];
    });
  }

  @FieldResolver(() => [Skill], { description: 'Skills a learner should have before taking it.' })
  async prerequisiteSkills(@Root() c: MicroCredential, @Ctx() ctx: GraphQLContext) {
    const uris = c.prerequisiteUris ?? (await ctx.loaders.credentialSkillLinks.load(c.id)).prerequisiteUris;
    return loadPresent(ctx.loaders.skill, uris);
  }

  @FieldResolver(() => MicroCredential, {
    nullable: true,
    description: 'Stackability: the larger credential this one is part of.',
  })
  partOf(@Root() c: MicroCredential, @Ctx() ctx: GraphQLContext) {
    return c.partOfId ? ctx.loaders.credential.load(c.partOfId) : null;
  }
}

/** Credentials teaching a skill. */
@Resolver(() => Skill)
export class SkillTaughtByResolver {
  @FieldResolver(() => MicroCredentialConnection, { description: 'Micro-credentials that teach this skill, by title.' })
  async taughtBy(@Root() skill: Skill, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() ctx: GraphQLContext) {
    const page = await ctx.loaders.teachingCredentials.load({
      owner: skill.uri,
      args: pageRequest(first, after, ctx.limits.maxPageSize),
    });
    // The page carries the providers: prime their loader so `provider` costs no round trip. The
    // credentials are summaries (no skill links), so they do not prime the credential loader.
    for (const { provider } of page.items) if (provider) ctx.loaders.provider.prime(provider.id, provider);
    return toConnection({ ...page, items: page.items.map((item) => item.credential) });
  }
}

/** The verification a holding stores, shaped for GraphQL; null when none was recorded. */
function storedVerification(h: HoldingRow): Verification | null {
  if (!h.verificationStatus) return null;
  let checks: Parameters<typeof toVerificationType>[0]['checks'] = [];
  try {
    checks = JSON.parse(h.verificationChecks ?? '[]');
  } catch {
    // Stored by this code as JSON; an unreadable value shows as no checks rather than failing the read.
  }
  return toVerificationType({
    status: h.verificationStatus as VerificationStatus,
    checks,
    issuer: h.verificationIssuer ?? null,
    checkedAt: h.verificationCheckedAt ?? '',
  });
}

/** Links of a learner (each guarded by its `@Access` policy). */
@Resolver(() => Learner)
export class LearnerFieldResolver {
  @Access(learnerField)
  @FieldResolver(() => [Holding], {
    description: 'Held credentials, by issue date; expired ones included and flagged.',
  })
  async holdings(@Root() l: Learner, @Ctx() ctx: GraphQLContext) {
    const credentials = await loadAll(
      ctx.loaders.credential,
      l.holdings.map((h) => h.credentialId),
    );
    const today = new Date().toISOString().slice(0, 10);
    return l.holdings.flatMap((h, i) => {
      const credential = credentials[i];
      if (!credential) return [];
      const verification = storedVerification(h);
      return [
        {
          ...h,
          credential,
          verification,
          verified: verification?.status === 'VERIFIED',
          expired: h.expiresOn != null && h.expiresOn <= today,
        },
      ];
    });
  }

  @Access(learnerField)
  @FieldResolver(() => [Skill], { description: 'Skills the learner declared without a credential.' })
  async declaredSkills(@Root() l: Learner, @Ctx() ctx: GraphQLContext) {
    return loadPresent(ctx.loaders.skill, l.declaredSkillUris);
  }

  @Access(learnerField)
  @FieldResolver(() => [Occupation], { description: 'Occupations the learner aims at.' })
  async targetOccupations(@Root() l: Learner, @Ctx() ctx: GraphQLContext) {
    return loadPresent(ctx.loaders.occupation, l.targetOccupationUris);
  }
}

/** Links of a job posting. */
@Resolver(() => JobPosting)
export class JobPostingFieldResolver {
  @FieldResolver(() => Occupation, {
    description: 'The ESCO occupation the job is an instance of; null when the graph does not hold it.',
    nullable: true,
  })
  occupation(@Root() j: JobPosting, @Ctx() ctx: GraphQLContext) {
    return j.occupationUri ? ctx.loaders.occupation.load(j.occupationUri) : null;
  }

  @FieldResolver(() => [JobRequirement], { description: 'Required skills, essential first.' })
  async requirements(@Root() j: JobPosting, @Ctx() ctx: GraphQLContext) {
    const skills = await loadAll(
      ctx.loaders.skill,
      j.requirements.map((r) => r.uri),
    );
    return j.requirements.flatMap((r, i) => {
      const skill = skills[i];
      return skill ? [{ skill, relation: r.relation }] : [];
    });
  }
}
