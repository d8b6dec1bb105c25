import { ArgsType, Field } from 'type-graphql';
import { MatchPolicyInput } from './coverage-inputs';

/** The optional `policy` overriding the matching and scoring defaults. */
@ArgsType()
export class PolicyArgs {
  @Field(() => MatchPolicyInput, {
    description: 'Overrides of the matching and scoring defaults; the defaults when absent.',
    nullable: true,
  })
  policy?: MatchPolicyInput | null;
}
