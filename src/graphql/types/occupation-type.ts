import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection-type';

/** How strongly an occupation or job needs a skill. */
export enum SkillRelation {
  ESSENTIAL = 'ESSENTIAL',
  OPTIONAL = 'OPTIONAL',
}
registerEnumType(SkillRelation, { name: 'SkillRelation' });

/** An ESCO occupation. */
@ObjectType('Occupation', { simpleResolvers: true, description: 'An ESCO occupation.' })
export class Occupation {
  @Field(() => ID, { description: 'The ESCO concept URI.' }) uri!: string;
  @Field() preferredLabel!: string;
  @Field(() => [String]) altLabels!: string[];
  @Field(() => [String]) hiddenLabels!: string[];
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true, description: 'ESCO code, e.g. 2512.4.' }) code!: string | null;
  @Field(() => Int, { description: 'Number of essential skills.' }) essentialCount!: number;
  @Field(() => Int, { description: 'Number of optional skills.' }) optionalCount!: number;
}

@ObjectType('OccupationConnection', { simpleResolvers: true })
export class OccupationConnection extends ConnectionType(Occupation, 'Occupation') {}

/** An occupation requiring a skill, with the kind of requirement. */
@ObjectType('RequiringOccupation', { simpleResolvers: true })
export class RequiringOccupation {
  @Field(() => SkillRelation) relation!: SkillRelation;
  @Field(() => Occupation) occupation!: Occupation;
}

@ObjectType('RequiringOccupationConnection', { simpleResolvers: true })
export class RequiringOccupationConnection extends ConnectionType(RequiringOccupation, 'RequiringOccupation') {}
