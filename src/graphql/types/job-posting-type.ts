import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SkillRelation } from './occupation-type';
import { Skill } from './skill-type';
import type { JobPostingRow } from '../../db/repositories/catalog-rows';

/** A skill a job posting requires. */
@ObjectType('JobRequirement', { description: 'One skill a job posting requires.', simpleResolvers: true })
export class JobRequirement {
  @Field(() => Skill, { description: 'The required ESCO skill.' }) skill!: Skill;
  @Field(() => SkillRelation, { description: 'Whether the skill is essential or optional for the job.' })
  relation!: SkillRelation;
}

/** A job posted by a portal, tied to an ESCO occupation. */
@ObjectType('JobPosting', {
  description: 'A job posting of a portal: an ESCO occupation with its own list of required skills.',
  simpleResolvers: true,
})
export class JobPosting {
  @Field(() => ID, { description: 'Id of the posting.' }) id!: string;
  @Field({ description: 'Title of the job.' }) title!: string;
  @Field(() => String, { description: 'Name of the employer.', nullable: true }) employer!: string | null;
  @Field(() => String, { description: 'Where the job is (free text).', nullable: true }) location!: string | null;
  @Field(() => Int, { description: 'Number of essential requirements.' }) essentialCount!: number;
  @Field(() => Int, { description: 'Number of optional requirements.' }) optionalCount!: number;
  // Backing fields, not exposed as such: the field resolvers and access policies read them.
  /** The owning portal. */
  portalId!: string | null;
  /** The ESCO occupation; the `occupation` field resolves it. */
  occupationUri!: string | null;
  /** Required skill URIs; the `requirements` field resolves their skills. */
  requirements!: JobPostingRow['requirements'];
}
