import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection-type';
import { ParticipationForm, SkillSource } from './catalog-enums';
import { Skill } from './skill-type';
import type { CredentialRow } from '../../db/repositories/catalog-rows';
import type { ParticipationForm as ParticipationFormValue } from '../../domain/catalog/credential-input';

/** An amount of money. */
@ObjectType('Price', { description: 'A price: an amount in a currency.', simpleResolvers: true })
export class Price {
  @Field(() => Float, { description: 'The amount, in `currency`.' }) amount!: number;
  @Field({ description: 'ISO 4217 code.' }) currency!: string;
}

/** A skill a credential teaches, with where that link comes from. */
@ObjectType('TaughtSkill', {
  description: 'An ESCO skill a micro-credential teaches, with where the link comes from.',
  simpleResolvers: true,
})
export class TaughtSkill {
  @Field(() => Skill, { description: 'The ESCO skill.' }) skill!: Skill;
  @Field(() => SkillSource, { description: 'Whether the provider stated the link or credgraph mapped it from text.' })
  source!: SkillSource;
  @Field(() => Float, { description: '1 for declared links; the mapping confidence for mapped ones.' })
  confidence!: number;
  @Field(() => String, {
    nullable: true,
    description:
      'For a MAPPED link, the catalogue tag or the text (matched label) the skill was mapped from; null for declared links and links stored without it.',
  })
  sourceText!: string | null;
}

/**
 * A micro-credential with the mandatory elements of the EU Council Recommendation (2022):
 * title, awarding body, country, learning outcomes, workload (hours, ECTS), EQF level, assessment,
 * form of participation and quality assurance.
 */
@ObjectType('MicroCredential', {
  simpleResolvers: true,
  description:
    'A micro-credential, with the mandatory elements of the EU Council Recommendation on micro-credentials (2022).',
})
export class MicroCredential {
  @Field(() => ID, { description: 'Id of the micro-credential.' }) id!: string;
  @Field({ description: 'Title of the micro-credential.' }) title!: string;
  @Field(() => String, { description: 'Free-text description; null when none was given.', nullable: true })
  description!: string | null;
  @Field(() => String, { nullable: true, description: 'Country of the awarding body (ISO 3166-1 alpha-2).' }) country!:
    | string
    | null;
  @Field(() => [String], { description: 'What a learner knows or can do after earning it, one outcome per entry.' })
  learningOutcomes!: string[];
  @Field(() => Float, { nullable: true, description: 'Notional workload in hours.' }) workloadHours!: number | null;
  @Field(() => Float, { description: 'Workload in ECTS credits; null when unknown.', nullable: true }) ects!:
    | number
    | null;
  @Field(() => Int, { nullable: true, description: 'EQF level 1-8.' }) eqfLevel!: number | null;
  @Field(() => String, { description: 'How learners are assessed (free text); null when unknown.', nullable: true })
  assessmentType!: string | null;
  @Field(() => ParticipationForm, { description: 'Online, on site or blended; null when unknown.', nullable: true })
  participationForm!: ParticipationFormValue | null;
  @Field(() => String, {
    description: 'The quality assurance the credential is under (free text); null when unknown.',
    nullable: true,
  })
  qualityAssurance!: string | null;
  @Field(() => [String], { description: 'ISO 639-1 language codes.' }) languages!: string[];
  @Field(() => String, { description: 'Web page of the micro-credential; null when unknown.', nullable: true }) url!:
    | string
    | null;
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'First day the credential is offered (LocalDate, YYYY-MM-DD).',
  })
  validFrom!: string | null;
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Last day the credential is offered (LocalDate, YYYY-MM-DD).',
  })
  validUntil!: string | null;
  @Field(() => Int, { nullable: true, description: 'How long an awarded credential stays valid, in months.' })
  validityMonths!: number | null;
  // Backing fields, not exposed as such: the field resolvers read them.
  /** The awarding provider's id; the `provider` field resolves it. */
  providerId!: string | null;
  priceAmount!: number | null;
  priceCurrency!: string | null;
  /** Stackability link; the `partOf` field resolves it. */
  partOfId!: string | null;
  /**
   * Taught skill links and prerequisites; the `skills` and `prerequisiteSkills` fields resolve
   * them. Absent on a summary (a `taughtBy` page), where those fields load them.
   */
  skills?: CredentialRow['skills'];
  prerequisiteUris?: string[];
}

@ObjectType('MicroCredentialConnection', {
  description: 'A page of micro-credentials (Relay cursor connection).',
  simpleResolvers: true,
})
export class MicroCredentialConnection extends ConnectionType(MicroCredential, 'MicroCredential') {}
