/** GraphQL inputs shared by coverage, ranking and planning. Rules live in the domain. */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';

@InputType('SubjectInput', {
  description: 'Exactly one kind of subject: a learner; credentialIds and/or skillUris; or an occupation.',
})
export class SubjectInput {
  @Field(() => ID, { nullable: true, description: 'Held, unexpired credentials plus self-declared skills.' })
  learnerId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'A hypothetical stack of credentials.' }) credentialIds?:
    | string[]
    | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Skills stated by the caller (may be combined with credentialIds).',
  })
  skillUris?: string[] | null;
  @Field(() => ID, { nullable: true, description: "Someone who holds that occupation's essential skills." })
  occupationUri?: string | null;
}

@InputType('TargetInput', { description: 'Exactly one of an occupation or a job posting.' })
export class TargetInput {
  @Field(() => ID, {
    description: 'ESCO URI of the target occupation: its essential and optional skills are required.',
    nullable: true,
  })
  occupationUri?: string | null;
  @Field(() => ID, { description: 'Id of the target job posting: its requirements are required.', nullable: true })
  jobPostingId?: string | null;
}

@InputType('MatchPolicyInput', {
  description: 'Overrides of the matching and scoring defaults; each weight in [0, 1], coverThreshold in (0, 1].',
})
export class MatchPolicyInput {
  @Field(() => Float, { nullable: true, description: 'Weight of an exact match (default 1).' }) exact?: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Weight of evidence narrower than the requirement (default 0.8).',
  })
  narrower?: number | null;
  @Field(() => Float, { nullable: true, description: 'Weight of evidence broader than the requirement (default 0.5).' })
  broader?: number | null;
  @Field(() => Float, { nullable: true, description: 'Factor of self-declared skills (default 0.5).' }) selfDeclared?:
    | number
    | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Factor of held credentials that are not verified (UNSIGNED, UNVERIFIABLE or never checked); default 1. 0 counts verified evidence only. Credentials found INVALID (forged, revoked, expired) always count 0.',
  })
  unverified?: number | null;
  @Field(() => Int, { nullable: true, description: 'Steps followed in the skill hierarchy, 0-5 (default 2).' })
  maxHierarchyDepth?: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Credit from which a requirement counts as covered, in (0, 1] (default 0.8).',
  })
  coverThreshold?: number | null;
  @Field(() => Float, { nullable: true, description: 'Weight λ of optional requirements in the score (default 0.25).' })
  optionalWeight?: number | null;
  @Field(() => DateTimeResolver, { nullable: true, description: 'Date at which holdings must be valid (default now).' })
  asOf?: Date | null;
}
