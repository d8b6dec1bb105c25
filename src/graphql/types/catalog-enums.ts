import { registerEnumType } from 'type-graphql';

/** Form of participation, as in the EU micro-credential recommendation. */
export enum ParticipationForm {
  ONLINE = 'ONLINE',
  ONSITE = 'ONSITE',
  BLENDED = 'BLENDED',
}
registerEnumType(ParticipationForm, { name: 'ParticipationForm' });

/** Where a credential→skill link comes from. */
export enum SkillSource {
  DECLARED = 'DECLARED',
  MAPPED = 'MAPPED',
}
registerEnumType(SkillSource, {
  name: 'SkillSource',
  valuesConfig: { DECLARED: { description: 'Stated by the provider.' }, MAPPED: { description: 'Mapped from text by credgraph, with a confidence.' } },
});
