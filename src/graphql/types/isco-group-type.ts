import { Field, ID, ObjectType } from 'type-graphql';

/** An ISCO-08 occupation group. */
@ObjectType('IscoGroup', { description: 'An ISCO-08 group (occupation classification of the ILO), as published with ESCO.', simpleResolvers: true })
export class IscoGroup {
  @Field(() => ID, { description: 'The ESCO concept URI of the group.' }) uri!: string;
  @Field({ description: 'ISCO-08 code, e.g. 2512.' }) code!: string;
  @Field({ description: 'The group\'s name (English).' }) preferredLabel!: string;
  @Field(() => String, { description: 'Description of the group; null when ESCO gives none.', nullable: true }) description!: string | null;
}
