import { Field, ID, ObjectType } from 'type-graphql';

/** An ESCO skill group: a grouping of the skills pillar, not used for matching. */
@ObjectType('SkillGroup', { description: 'A group of the ESCO skills pillar hierarchy.', simpleResolvers: true })
export class SkillGroup {
  @Field(() => ID, { description: 'The ESCO concept URI of the group.' }) uri!: string;
  /** Served by the label resolver, which takes a `language` argument. */
  preferredLabel!: string;
  /** Served by the label resolver, which takes a `language` argument. */
  description!: string | null;
  @Field(() => String, { description: 'ESCO code of the group, e.g. S1.2; null when it has none.', nullable: true })
  code!: string | null;
}
