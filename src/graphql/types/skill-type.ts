import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection-type';

/** An ESCO skill or knowledge concept. */
@ObjectType('Skill', { simpleResolvers: true, description: 'An ESCO skill, competence or knowledge concept.' })
export class Skill {
  @Field(() => ID, { description: 'The ESCO concept URI.' }) uri!: string;
  @Field() preferredLabel!: string;
  @Field(() => [String]) altLabels!: string[];
  @Field(() => [String]) hiddenLabels!: string[];
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true, description: '"skill/competence" or "knowledge"; null for a few DigComp nodes.' })
  skillType!: string | null;
  @Field(() => String, { nullable: true, description: 'transversal, cross-sector, sector-specific or occupation-specific.' })
  reuseLevel!: string | null;
  @Field(() => [String], { description: 'ESCO collections the skill belongs to (transversal, digital, green, language, digcomp, research).' })
  collections!: string[];
}

@ObjectType('SkillConnection', { simpleResolvers: true })
export class SkillConnection extends ConnectionType(Skill, 'Skill') {}
