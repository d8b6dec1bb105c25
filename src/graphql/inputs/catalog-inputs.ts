import { LocalDateResolver } from 'graphql-scalars';
/**
 * GraphQL inputs of the catalog mutations. Shape only: the rules live in `src/domain/catalog/`,
 * which every write path (API, standards import, catalog import) goes through.
 */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ParticipationForm, SkillSource } from '../types/catalog-enums';
import { SkillRelation } from '../types/occupation-type';

@InputType('ProviderInput', {
  description:
    'An awarding body to create or update (upsertProvider). A PROVIDER token may only write its own provider.',
})
export class ProviderInput {
  @Field(() => ID, { nullable: true, description: 'Client-chosen id; generated when absent. An existing id updates.' })
  id?: string | null;
  @Field({ description: 'Display name of the awarding body.' }) name!: string;
  @Field(() => String, {
    description: 'Country of the awarding body, as an ISO 3166-1 alpha-2 code (e.g. DE).',
    nullable: true,
  })
  country?: string | null;
  @Field(() => String, {
    description: 'Kind of body, e.g. university, vocational school, company, MOOC platform.',
    nullable: true,
  })
  type?: string | null;
  @Field(() => String, { description: 'Web site of the awarding body.', nullable: true }) url?: string | null;
}

@InputType('PriceInput', { description: 'A price: an amount in a currency.' })
export class PriceInput {
  @Field(() => Float, { description: 'The amount, in `currency`.' }) amount!: number;
  @Field({ description: 'ISO 4217 currency code (e.g. EUR).' }) currency!: string;
}

@InputType('TaughtSkillInput', {
  description: 'An ESCO skill a micro-credential teaches, with where the link comes from.',
})
export class TaughtSkillInput {
  @Field(() => ID, { description: 'ESCO skill URI.' }) uri!: string;
  @Field(() => SkillSource, {
    description: 'Where the link comes from (default DECLARED).',
    nullable: true,
    defaultValue: SkillSource.DECLARED,
  })
  source?: SkillSource | null;
  @Field(() => Float, { nullable: true, description: 'In [0, 1]; defaults to 1.' }) confidence?: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'For a MAPPED link, the tag or text it was mapped from (at most 2,000 characters).',
  })
  sourceText?: string | null;
}

@InputType('MicroCredentialInput', {
  description:
    'A micro-credential to create or replace (upsertMicroCredential), with the elements of the EU Council Recommendation on micro-credentials (2022).',
})
export class MicroCredentialInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Client-chosen id; generated when absent. An existing id replaces that credential.',
  })
  id?: string | null;
  @Field({ description: 'Title of the micro-credential.' }) title!: string;
  @Field(() => String, { description: 'Free-text description of the micro-credential.', nullable: true }) description?:
    | string
    | null;
  @Field(() => ID, {
    nullable: true,
    description: "The awarding provider; a PROVIDER token's own provider when absent.",
  })
  providerId?: string | null;
  @Field(() => String, { description: 'Country of the awarding body, as an ISO 3166-1 alpha-2 code.', nullable: true })
  country?: string | null;
  @Field(() => [String], {
    description: 'What a learner knows or can do after earning it, one outcome per entry.',
    nullable: true,
  })
  learningOutcomes?: string[] | null;
  @Field(() => Float, { description: 'Notional workload in hours.', nullable: true }) workloadHours?: number | null;
  @Field(() => Float, { description: 'Workload in ECTS credits.', nullable: true }) ects?: number | null;
  @Field(() => Int, { description: 'EQF level, 1-8.', nullable: true }) eqfLevel?: number | null;
  @Field(() => String, {
    description: 'How learners are assessed (free text, e.g. written exam, project).',
    nullable: true,
  })
  assessmentType?: string | null;
  @Field(() => ParticipationForm, { description: 'Whether it is taken online, on site or blended.', nullable: true })
  participationForm?: ParticipationForm | null;
  @Field(() => String, { description: 'The quality assurance the credential is under (free text).', nullable: true })
  qualityAssurance?: string | null;
  @Field(() => [String], { description: 'Languages of instruction, as ISO 639-1 codes (e.g. en, de).', nullable: true })
  languages?: string[] | null;
  @Field(() => PriceInput, {
    description: 'Price of the course; without one, it cannot be planned under the PRICE objective or a price budget.',
    nullable: true,
  })
  price?: PriceInput | null;
  @Field(() => String, { description: 'Web page of the micro-credential.', nullable: true }) url?: string | null;
  @Field(() => [TaughtSkillInput], {
    description: 'ESCO skills it teaches; a URI the graph does not hold is rejected and nothing is written.',
    nullable: true,
  })
  skills?: TaughtSkillInput[] | null;
  @Field(() => [ID], { description: 'ESCO URIs of the skills a learner should have before taking it.', nullable: true })
  prerequisiteSkillUris?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Stackability: the larger credential this one is part of.' })
  partOfId?: string | null;
  @Field(() => LocalDateResolver, {
    description: 'First day the credential is offered (LocalDate, YYYY-MM-DD).',
    nullable: true,
  })
  validFrom?: string | null;
  @Field(() => LocalDateResolver, {
    description: 'Last day the credential is offered (LocalDate, YYYY-MM-DD).',
    nullable: true,
  })
  validUntil?: string | null;
  @Field(() => Int, {
    description: 'How long an awarded credential stays valid, in months; no expiry when absent.',
    nullable: true,
  })
  validityMonths?: number | null;
}

@InputType('LearnerInput', { description: 'A learner record to create (createLearner).' })
export class LearnerInput {
  @Field(() => ID, { nullable: true, description: "Generated when absent; a LEARNER token's own learner id." }) id?:
    | string
    | null;
  @Field({
    description: 'Name shown for the learner (also to job portals that rank the learner as a candidate with consent).',
  })
  displayName!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'An identifier of the person elsewhere (e-mail, DID), used to attach imported credentials. Unique; ADMIN only.',
  })
  externalId?: string | null;
  @Field(() => Boolean, {
    description: 'Whether job portals may rank this learner as a candidate (default false).',
    nullable: true,
    defaultValue: false,
  })
  matchingConsent?: boolean | null;
  @Field(() => [ID], {
    description:
      'ESCO URIs of skills the learner declares without a credential (self-declared; weighted by the policy factor selfDeclared).',
    nullable: true,
  })
  declaredSkillUris?: string[] | null;
  @Field(() => [ID], { description: 'ESCO URIs of the occupations the learner aims at.', nullable: true })
  targetOccupationUris?: string[] | null;
}

@InputType('JobRequirementInput', { description: 'One skill a job posting requires.' })
export class JobRequirementInput {
  @Field(() => ID, { description: 'ESCO skill URI.' }) uri!: string;
  @Field(() => SkillRelation, { description: 'Whether the skill is essential or optional for the job.' })
  relation!: SkillRelation;
}

@InputType('JobPostingInput', {
  description:
    "A job posting to create or replace (upsertJobPosting). A PORTAL token may only write its own portal's postings.",
})
export class JobPostingInput {
  @Field(() => ID, {
    description: 'Client-chosen id; generated when absent. An existing id replaces that posting.',
    nullable: true,
  })
  id?: string | null;
  @Field({ description: 'Title of the job.' }) title!: string;
  @Field(() => String, { description: 'Name of the employer.', nullable: true }) employer?: string | null;
  @Field(() => String, { description: 'Where the job is (free text).', nullable: true }) location?: string | null;
  @Field(() => ID, { description: 'ESCO URI of the occupation the job is an instance of.' }) occupationUri!: string;
  @Field(() => ID, { nullable: true, description: "The owning portal; a PORTAL token's own portal when absent." })
  portalId?: string | null;
  @Field(() => [JobRequirementInput], {
    nullable: true,
    description: "Exactly these requirements; when absent, the occupation's essential and optional skills.",
  })
  requirements?: JobRequirementInput[] | null;
}

@InputType('CredentialFilterInput', { description: 'Filters on the credential catalog; all given filters must hold.' })
export class CredentialFilterInput {
  @Field(() => ID, { description: 'Only credentials of this provider.', nullable: true }) providerId?: string | null;
  @Field(() => String, { description: 'Only credentials taught in this language (ISO 639-1 code).', nullable: true })
  language?: string | null;
  @Field(() => ParticipationForm, { description: 'Only credentials with this form of participation.', nullable: true })
  participationForm?: ParticipationForm | null;
  @Field(() => Float, {
    description:
      'Only credentials with a workload of at most this many hours; credentials without a workload are left out.',
    nullable: true,
  })
  maxHours?: number | null;
  @Field(() => Float, {
    description:
      "Only credentials priced at most this amount, compared in each credential's own currency without conversion; credentials without a price pass.",
    nullable: true,
  })
  maxPrice?: number | null;
  @Field(() => Int, {
    description: 'Only credentials at this EQF level or below; credentials without a level are left out.',
    nullable: true,
  })
  maxEqfLevel?: number | null;
  @Field(() => ID, { description: 'Only credentials teaching this ESCO skill.', nullable: true }) teachesSkillUri?:
    | string
    | null;
  @Field(() => String, { nullable: true, description: 'Words the title contains.' }) text?: string | null;
}
