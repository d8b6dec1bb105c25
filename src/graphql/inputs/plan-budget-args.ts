import { ArgsType, Field } from 'type-graphql';
import { PlanConstraintsInput } from '../types/planning-type';

/** The budgets, filters and currency every planning query takes (`constraints`, `currency`). */
@ArgsType()
export class PlanBudgetArgs {
  @Field(() => PlanConstraintsInput, {
    description: 'Budgets and filters on the courses a plan may use; none when absent.',
    nullable: true,
  })
  constraints?: PlanConstraintsInput | null;

  @Field(() => String, {
    defaultValue: 'EUR',
    description:
      'ISO 4217 currency of the plan: maxTotalPrice and the answer are in it, other prices are converted with the dated rate table.',
  })
  currency!: string;
}
