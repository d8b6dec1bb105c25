import { Field, Float, ObjectType } from 'type-graphql';
import { Skill } from './skill-type';

/** An ESCO skill suggested for a free text, with how well and how it matched. */
@ObjectType('SkillSuggestion', { simpleResolvers: true, description: 'An ESCO skill suggested for a free text.' })
export class SkillSuggestion {
  @Field(() => Skill, { description: 'The suggested ESCO skill.' }) skill!: Skill;
  @Field(() => Float, {
    description:
      "Confidence in [0, 1]: the estimated probability that the skill is meant, calibrated on annotated job-ad sentences (of suggestions scored 0.8-0.9, about 80-90 % are right), so usable as a threshold; 1 when the text is the skill's preferred label, just below for an alternative or hidden one.",
  })
  score!: number;
  @Field(() => String, {
    nullable: true,
    description:
      'The preferred, alternative or hidden label that matched best; null when only the description matched.',
  })
  matchedLabel!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'How the best evidence was found: "exact" (the text is a label), "phrase" (a label occurs in the text), "partial" (some words of a label) or "description".',
  })
  method!: string | null;
}
