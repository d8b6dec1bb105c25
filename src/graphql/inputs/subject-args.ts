import { ArgsType, Field } from 'type-graphql';
import { SubjectInput } from './coverage-inputs';

/** The `subject` of coverage, rankings and plans. A learner subject is guarded by `readSubjectLearner`. */
@ArgsType()
export class SubjectArgs {
  @Field(() => SubjectInput, {
    description: 'Whose skills are measured: a learner, a stack of credentials and/or skills, or an occupation.',
  })
  subject!: SubjectInput;
}
