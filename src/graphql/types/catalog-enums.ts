import { registerEnumType } from 'type-graphql';

/** Form of participation, as in the EU micro-credential recommendation. */
export enum ParticipationForm {
  ONLINE = 'ONLINE',
  ONSITE = 'ONSITE',
  BLENDED = 'BLENDED',
}
registerEnumType(ParticipationForm, {
  name: 'ParticipationForm',
  description: 'Form of participation, as in the EU micro-credential recommendation.',
  valuesConfig: {
    ONLINE: { description: 'Taken entirely online.' },
    ONSITE: { description: 'Taken in person at a place of learning.' },
    BLENDED: { description: 'Partly online, partly in person.' },
  },
});

/** Where a credential→skill link comes from. */
export enum SkillSource {
  DECLARED = 'DECLARED',
  MAPPED = 'MAPPED',
}
registerEnumType(SkillSource, {
  name: 'SkillSource',
  description: 'Where a link between a micro-credential and a skill comes from.',
  valuesConfig: {
    DECLARED: { description: 'Stated by the provider.' },
    MAPPED: { description: 'Mapped from text by credgraph, with a confidence.' },
  },
});
