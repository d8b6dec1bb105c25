import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection-type';
import { ParticipationForm, SkillSource } from './catalog-enums';
import { Skill } from './skill-type';

/** An amount of money. */
@ObjectType('Price', { simpleResolvers: true })
export class Price {
  @Field(() => Float) amount!: number;
  @Field({ description: 'ISO 4217 code.' }) currency!: string;
}

/** A skill a credential teaches, with where that link comes from. */
@ObjectType('TaughtSkill', { simpleResolvers: true })
export class TaughtSkill {
  @Field(() => Skill) skill!: Skill;
  @Field(() => SkillSource) source!: SkillSource;
  @Field(() => Float, { description: '1 for declared links; the mapping confidence for mapped ones.' }) confidence!: number;
}

/**
 * A micro-credential with the mandatory elements of the EU Council Recommendation (2022):
 * title, awarding body, country, learning outcomes, workload (hours, ECTS), EQF level, assessment,
 * form of participation and quality assurance.
 */
@ObjectType('MicroCredential', { simpleResolvers: true, description: 'A micro-credential, with the mandatory elements of the EU Council Recommendation on micro-credentials (2022).' })
export class MicroCredential {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true, description: 'Country of the awarding body (ISO 3166-1 alpha-2).' }) country!: string | null;
  @Field(() => [String]) learningOutcomes!: string[];
  @Field(() => Float, { nullable: true, description: 'Notional workload in hours.' }) workloadHours!: number | null;
  @Field(() => Float, { nullable: true }) ects!: number | null;
  @Field(() => Int, { nullable: true, description: 'EQF level 1-8.' }) eqfLevel!: number | null;
  @Field(() => String, { nullable: true }) assessmentType!: string | null;
  @Field(() => ParticipationForm, { nullable: true }) participationForm!: ParticipationForm | null;
  @Field(() => String, { nullable: true }) qualityAssurance!: string | null;
  @Field(() => [String], { description: 'ISO 639-1 language codes.' }) languages!: string[];
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { nullable: true, description: 'First day the credential is offered (YYYY-MM-DD).' }) validFrom!: string | null;
  @Field(() => String, { nullable: true, description: 'Last day the credential is offered (YYYY-MM-DD).' }) validUntil!: string | null;
  @Field(() => Int, { nullable: true, description: 'How long an awarded credential stays valid, in months.' }) validityMonths!: number | null;
}

@ObjectType('MicroCredentialConnection', { simpleResolvers: true })
export class MicroCredentialConnection extends ConnectionType(MicroCredential, 'MicroCredential') {}
