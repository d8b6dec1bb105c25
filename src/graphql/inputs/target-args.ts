import { ArgsType, Field } from 'type-graphql';
import { TargetInput } from './coverage-inputs';

/** The `target` of coverage and plans: an occupation or a job posting. */
@ArgsType()
export class TargetArgs {
  @Field(() => TargetInput, {
    description: 'The occupation or job posting whose required skills are measured against.',
  })
  target!: TargetInput;
}
