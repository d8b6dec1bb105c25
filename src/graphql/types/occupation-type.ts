import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection-type';

/** How strongly an occupation or job needs a skill. */
export enum SkillRelation {
  ESSENTIAL = 'ESSENTIAL',
  OPTIONAL = 'OPTIONAL',
}
registerEnumType(SkillRelation, {
  name: 'SkillRelation',
  description: 'How strongly an occupation or job needs a skill (as in ESCO).',
  valuesConfig: {
    ESSENTIAL: { description: 'Needed in every job of the occupation; weighs 1 in the coverage score.' },
    OPTIONAL: {
      description:
        'Needed in some jobs of the occupation; weighs λ (optionalWeight, 0.25 by default) in the coverage score.',
    },
  },
});

/** An ESCO occupation. */
@ObjectType('Occupation', { simpleResolvers: true, description: 'An ESCO occupation.' })
export class Occupation {
  @Field(() => ID, { description: 'The ESCO concept URI.' }) uri!: string;
  /** Served by the label resolver, which takes a `language` argument. */
  preferredLabel!: string;
  /** Served by the label resolver, which takes a `language` argument. */
  altLabels!: string[];
  @Field(() => [String], { description: 'Search-only names such as common misspellings (English); not for display.' })
  hiddenLabels!: string[];
  /** Served by the label resolver, which takes a `language` argument. */
  description!: string | null;
  @Field(() => String, { nullable: true, description: 'ESCO code, e.g. 2512.4.' }) code!: string | null;
  @Field(() => Int, { description: 'Number of essential skills.' }) essentialCount!: number;
  @Field(() => Int, { description: 'Number of optional skills.' }) optionalCount!: number;
  /** Backing field, not exposed: the ISCO-08 code the `iscoGroup` field resolves. */
  iscoGroupCode!: string | null;
}

@ObjectType('OccupationConnection', {
  description: 'A page of occupations (Relay cursor connection).',
  simpleResolvers: true,
})
export class OccupationConnection extends ConnectionType(Occupation, 'Occupation') {}

/** An occupation requiring a skill, with the kind of requirement. */
@ObjectType('RequiringOccupation', {
  description: 'An occupation that requires a skill, and how.',
  simpleResolvers: true,
})
export class RequiringOccupation {
  @Field(() => SkillRelation, { description: 'Whether the skill is essential or optional for the occupation.' })
  relation!: SkillRelation;
  @Field(() => Occupation, { description: 'The occupation.' }) occupation!: Occupation;
}

@ObjectType('RequiringOccupationConnection', {
  description: 'A page of occupations requiring a skill (Relay cursor connection).',
  simpleResolvers: true,
})
export class RequiringOccupationConnection extends ConnectionType(RequiringOccupation, 'RequiringOccupation') {}
