import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection-type';
import { Skill } from './skill-type';
import { SkillRelation } from './occupation-type';

/** A skill ESCO relates to another skill (ESCO's skill-to-skill relations), and how. */
@ObjectType('RelatedSkill', {
  description: 'A skill that ESCO relates to another skill (skillSkillRelations), and how.',
  simpleResolvers: true,
})
export class RelatedSkill {
  @Field(() => SkillRelation, {
    description: 'Whether ESCO marks the related skill as essential or optional to the skill.',
  })
  relation!: SkillRelation;
  @Field(() => Skill, { description: 'The related skill.' }) skill!: Skill;
}

@ObjectType('RelatedSkillConnection', {
  description: 'A page of related skills (Relay cursor connection).',
  simpleResolvers: true,
})
export class RelatedSkillConnection extends ConnectionType(RelatedSkill, 'RelatedSkill') {}
