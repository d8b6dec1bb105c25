import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection-type';

/** An ESCO skill or knowledge concept. */
@ObjectType('Skill', { simpleResolvers: true, description: 'An ESCO skill, competence or knowledge concept.' })
export class Skill {
  @Field(() => ID, { description: 'The ESCO concept URI.' }) uri!: string;
  /** Served by the label resolver, which takes a `language` argument. */
  preferredLabel!: string;
  /** Served by the label resolver, which takes a `language` argument. */
  altLabels!: string[];
  @Field(() => [String], { description: 'Search-only names such as common misspellings (English); not for display.' })
  hiddenLabels!: string[];
  /** Served by the label resolver, which takes a `language` argument. */
  description!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'ESCO skill type: "skill/competence" or "knowledge"; null for a few DigComp nodes.',
  })
  skillType!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'ESCO reuse level: transversal, cross-sector, sector-specific or occupation-specific; null when ESCO gives none.',
  })
  reuseLevel!: string | null;
  @Field(() => [String], {
    description: 'ESCO collections the skill belongs to (transversal, digital, green, language, digcomp, research).',
  })
  collections!: string[];
}

@ObjectType('SkillConnection', { description: 'A page of skills (Relay cursor connection).', simpleResolvers: true })
export class SkillConnection extends ConnectionType(Skill, 'Skill') {}
