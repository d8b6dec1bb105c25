import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SkillRelation } from './occupation-type';
import { Skill } from './skill-type';

/** A skill a job posting requires. */
@ObjectType('JobRequirement', { simpleResolvers: true })
export class JobRequirement {
  @Field(() => Skill) skill!: Skill;
  @Field(() => SkillRelation) relation!: SkillRelation;
}

/** A job posted by a portal, tied to an ESCO occupation. */
@ObjectType('JobPosting', { simpleResolvers: true })
export class JobPosting {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) employer!: string | null;
  @Field(() => String, { nullable: true }) location!: string | null;
  @Field(() => Int) essentialCount!: number;
  @Field(() => Int) optionalCount!: number;
}
