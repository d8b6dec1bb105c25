/**
 * GraphQL inputs of the catalog mutations. Shape only: the rules live in `src/domain/catalog/`,
 * which every write path (API, standards import, catalog import) goes through.
 */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ParticipationForm, SkillSource } from '../types/catalog-enums';
import { SkillRelation } from '../types/occupation-type';

@InputType('ProviderInput')
export class ProviderInput {
  @Field(() => ID, { nullable: true, description: 'Client-chosen id; generated when absent. An existing id updates.' }) id?: string | null;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => String, { nullable: true }) type?: string | null;
  @Field(() => String, { nullable: true }) url?: string | null;
}

@InputType('PriceInput')
export class PriceInput {
  @Field(() => Float) amount!: number;
  @Field() currency!: string;
}

@InputType('TaughtSkillInput')
export class TaughtSkillInput {
  @Field(() => ID, { description: 'ESCO skill URI.' }) uri!: string;
  @Field(() => SkillSource, { nullable: true, defaultValue: SkillSource.DECLARED }) source?: SkillSource | null;
  @Field(() => Float, { nullable: true, description: 'In [0, 1]; defaults to 1.' }) confidence?: number | null;
}

@InputType('MicroCredentialInput')
export class MicroCredentialInput {
  @Field(() => ID, { nullable: true, description: 'Client-chosen id; generated when absent. An existing id replaces that credential.' }) id?: string | null;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, { nullable: true, description: "The awarding provider; a PROVIDER token's own provider when absent." }) providerId?: string | null;
  @Field(() => String, { nullable: true }) country?: string | null;
  @Field(() => [String], { nullable: true }) learningOutcomes?: string[] | null;
  @Field(() => Float, { nullable: true }) workloadHours?: number | null;
  @Field(() => Float, { nullable: true }) ects?: number | null;
  @Field(() => Int, { nullable: true }) eqfLevel?: number | null;
  @Field(() => String, { nullable: true }) assessmentType?: string | null;
  @Field(() => ParticipationForm, { nullable: true }) participationForm?: ParticipationForm | null;
  @Field(() => String, { nullable: true }) qualityAssurance?: string | null;
  @Field(() => [String], { nullable: true }) languages?: string[] | null;
  @Field(() => PriceInput, { nullable: true }) price?: PriceInput | null;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => [TaughtSkillInput], { nullable: true }) skills?: TaughtSkillInput[] | null;
  @Field(() => [ID], { nullable: true }) prerequisiteSkillUris?: string[] | null;
  @Field(() => ID, { nullable: true, description: 'Stackability: the larger credential this one is part of.' }) partOfId?: string | null;
  @Field(() => String, { nullable: true }) validFrom?: string | null;
  @Field(() => String, { nullable: true }) validUntil?: string | null;
  @Field(() => Int, { nullable: true }) validityMonths?: number | null;
}

@InputType('LearnerInput')
export class LearnerInput {
  @Field(() => ID, { nullable: true, description: "Generated when absent; a LEARNER token's own learner id." }) id?: string | null;
  @Field() displayName!: string;
  @Field(() => String, { nullable: true, description: 'An identifier of the person elsewhere (e-mail, DID), used to attach imported credentials. Unique; ADMIN only.' }) externalId?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false }) matchingConsent?: boolean | null;
  @Field(() => [ID], { nullable: true }) declaredSkillUris?: string[] | null;
  @Field(() => [ID], { nullable: true }) targetOccupationUris?: string[] | null;
}

@InputType('JobRequirementInput')
export class JobRequirementInput {
  @Field(() => ID) uri!: string;
  @Field(() => SkillRelation) relation!: SkillRelation;
}

@InputType('JobPostingInput')
export class JobPostingInput {
  @Field(() => ID, { nullable: true }) id?: string | null;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) employer?: string | null;
  @Field(() => String, { nullable: true }) location?: string | null;
  @Field(() => ID) occupationUri!: string;
  @Field(() => ID, { nullable: true, description: "The owning portal; a PORTAL token's own portal when absent." }) portalId?: string | null;
  @Field(() => [JobRequirementInput], { nullable: true, description: "Exactly these requirements; when absent, the occupation's essential and optional skills." })
  requirements?: JobRequirementInput[] | null;
}

@InputType('CredentialFilterInput')
export class CredentialFilterInput {
  @Field(() => ID, { nullable: true }) providerId?: string | null;
  @Field(() => String, { nullable: true }) language?: string | null;
  @Field(() => ParticipationForm, { nullable: true }) participationForm?: ParticipationForm | null;
  @Field(() => Float, { nullable: true }) maxHours?: number | null;
  @Field(() => Float, { nullable: true }) maxPrice?: number | null;
  @Field(() => Int, { nullable: true }) maxEqfLevel?: number | null;
  @Field(() => ID, { nullable: true }) teachesSkillUri?: string | null;
  @Field(() => String, { nullable: true, description: 'Words the title contains.' }) text?: string | null;
}
