import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ParticipationForm } from './catalog-enums';
import type { Target } from '../../domain/coverage/subject-input';
import type {
  ExcludedCourse as ExcludedCourseValue,
  PlanObjective as PlanObjectiveValue,
} from '../../domain/planning/plan-types';
import type { PlanStatus as PlanStatusValue } from '../../services/planning-service';

export enum PlanObjective {
  HOURS = 'HOURS',
  PRICE = 'PRICE',
  ECTS = 'ECTS',
  COUNT = 'COUNT',
}
registerEnumType(PlanObjective, {
  name: 'PlanObjective',
  valuesConfig: {
    HOURS: { description: 'Total workload in hours.' },
    PRICE: { description: 'Total price, in the plan currency.' },
    ECTS: { description: 'Total ECTS credits.' },
    COUNT: { description: 'Number of courses.' },
  },
  description:
    'What a plan minimises. A course without hours counts 25 h per ECTS (and without ECTS, hours / 25); a course without a price, or priced in a currency without an exchange rate, cannot be planned under PRICE or a price budget. PRICE sums prices converted into the plan currency.',
});

export enum PlanScope {
  ESSENTIAL = 'ESSENTIAL',
  ESSENTIAL_AND_OPTIONAL = 'ESSENTIAL_AND_OPTIONAL',
}
registerEnumType(PlanScope, {
  name: 'PlanScope',
  description: 'Which requirements of the target a plan must cover.',
  valuesConfig: {
    ESSENTIAL: { description: 'The essential requirements only.' },
    ESSENTIAL_AND_OPTIONAL: { description: 'Essential and optional requirements alike.' },
  },
});

export enum PlanStatus {
  PLANNED = 'PLANNED',
  NO_GAP = 'NO_GAP',
  NOTHING_COVERABLE = 'NOTHING_COVERABLE',
  PARTIAL_WITHIN_BUDGET = 'PARTIAL_WITHIN_BUDGET',
}
registerEnumType(PlanStatus, {
  name: 'PlanStatus',
  description: 'Whether a plan closes the gap, and if not why.',
  valuesConfig: {
    PLANNED: {
      description: 'The plan covers every gap skill some eligible course teaches (see `uncoverable` for the others).',
    },
    NO_GAP: { description: 'The subject already covers every required skill in scope: the plan is empty.' },
    NOTHING_COVERABLE: { description: 'No eligible course covers any gap skill: the plan is empty.' },
    PARTIAL_WITHIN_BUDGET: {
      description:
        'The budgets forbid covering every coverable gap skill, or only courses left out as prerequisites-not-followed cover some; the plan covers as much as it can (see `uncoveredWithinBudget`).',
    },
  },
});

export enum ReskillingOrder {
  CHEAPEST_PLAN = 'CHEAPEST_PLAN',
  HIGHEST_COVERAGE = 'HIGHEST_COVERAGE',
  MOST_GAIN_PER_HOUR = 'MOST_GAIN_PER_HOUR',
}
registerEnumType(ReskillingOrder, {
  name: 'ReskillingOrder',
  description: 'How reskillingPaths orders its options; ties end with the occupation URI.',
  valuesConfig: {
    CHEAPEST_PLAN: {
      description:
        'Options whose plan reaches full essential coverage first, then by plan cost under the objective, then by current score (the default).',
    },
    HIGHEST_COVERAGE: {
      description: 'By the coverage score reached after the plan, highest first, then by plan cost.',
    },
    MOST_GAIN_PER_HOUR: {
      description:
        'By coverage score gained per hour of study, (score after − score today) / total hours, highest first; plans of unknown duration last.',
    },
  },
});

@InputType('PlanConstraintsInput', {
  description: 'Budgets and filters on the courses a plan may use; every given constraint must hold.',
})
export class PlanConstraintsInput {
  @Field(() => Float, { description: 'Largest total workload of the plan, in hours.', nullable: true }) maxTotalHours?:
    | number
    | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Largest total price, in the plan currency (the `currency` argument, EUR by default).',
  })
  maxTotalPrice?: number | null;
  @Field(() => Int, { description: 'Largest number of courses in the plan.', nullable: true }) maxCourses?:
    | number
    | null;
  @Field(() => [String], { nullable: true, description: 'Courses taught in any of these languages (ISO 639-1).' })
  languages?: string[] | null;
  @Field(() => [ParticipationForm], {
    description: 'Only courses with one of these forms of participation.',
    nullable: true,
  })
  participationForms?: ParticipationForm[] | null;
  @Field(() => Int, { description: 'Only courses at this EQF level or below.', nullable: true }) maxEqfLevel?:
    | number
    | null;
  @Field(() => [ID], { description: 'No courses of these providers.', nullable: true }) excludeProviderIds?:
    | string[]
    | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Only courses of these providers (e.g. those an employer pays for).',
  })
  providerIds?: string[] | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Smallest confidence, in [0, 1], a MAPPED taught-skill link needs for the planner to count it (DECLARED links always count); default 0, every link.',
  })
  minConfidence?: number | null;
}

@ObjectType('CoverageSnapshot', {
  description: 'The headline numbers of a coverage at one point of a plan.',
  simpleResolvers: true,
})
export class CoverageSnapshot {
  @Field(() => Float, {
    description: 'Coverage score in [0, 1]: (Σ essential credit + λ·Σ optional credit) / (#essential + λ·#optional).',
  })
  score!: number;
  @Field(() => Float, { description: 'Mean credit of the essential requirements, in [0, 1]; 0 when there are none.' })
  essentialCoverage!: number;
}

@ObjectType('PlanStep', { description: 'One course of a plan.', simpleResolvers: true })
export class PlanStep {
  @Field(() => Int, { description: 'Position of the step in the plan, from 1.' }) order!: number;
  @Field(() => Float, { description: 'Essential coverage after this and every earlier step, in [0, 1].' })
  essentialCoverageAfter!: number;
  @Field(() => Float, { description: 'Coverage score after this and every earlier step, in [0, 1].' })
  scoreAfter!: number;
  // Backing fields, not exposed as such: the `credential` and `newlyCovered` fields resolve them.
  credentialId!: string;
  newlyCovered!: readonly string[];
}

@ObjectType('ExcludedCourse', { description: 'A candidate course a plan could not consider.', simpleResolvers: true })
export class ExcludedCourse {
  @Field(() => ID, { description: 'Id of the course.' }) credentialId!: string;
  @Field({
    description:
      "Why: price-unknown (no price, under PRICE or a price budget), no-exchange-rate (priced in a currency without a rate), duration-unknown (neither hours nor ECTS, under an hours or ECTS objective or budget), prerequisites-unattainable, or prerequisites-not-followed (the plan's time ran out before the teachers of its prerequisites were looked for; the plan is then not optimal).",
  })
  reason!: string;
}

@ObjectType('LearningPlan', {
  simpleResolvers: true,
  description: 'The cheapest ordered set of courses closing the gap (weighted set cover solved exactly with HiGHS).',
})
export class LearningPlan {
  @Field(() => [PlanStep], { description: 'In an order that respects prerequisites.' }) steps!: readonly PlanStep[];
  @Field(() => Float, {
    description:
      'Sum of the workloads in hours (25 h per ECTS where only ECTS are known); null when a chosen course has neither hours nor ECTS.',
    nullable: true,
  })
  totalHours!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Sum of the prices, in `currency`; null when a chosen course has no price.',
  })
  totalPrice!: number | null;
  @Field(() => Float, {
    description:
      'Sum of the ECTS credits (hours / 25 where only hours are known); null when a chosen course has neither ECTS nor hours.',
    nullable: true,
  })
  totalEcts!: number | null;
  @Field(() => PlanObjective, { description: 'The cost the plan minimises.' }) objective!: PlanObjectiveValue;
  @Field(() => Float, { description: 'Total cost under the objective (for PRICE, in `currency`).' })
  objectiveValue!: number;
  @Field({
    description:
      'ISO 4217 currency of totalPrice, maxTotalPrice and a PRICE objectiveValue; course prices are converted into it.',
  })
  currency!: string;
  @Field(() => LocalDateResolver, {
    description: 'Day (LocalDate, YYYY-MM-DD) of the exchange rates prices were converted with.',
  })
  ratesDate!: string;
  @Field(() => CoverageSnapshot, { description: 'Coverage of the subject before the plan.' })
  coverageBefore!: CoverageSnapshot;
  @Field(() => CoverageSnapshot, { description: 'Coverage of the subject after every step of the plan.' })
  coverageAfter!: CoverageSnapshot;
  @Field({
    description:
      "True when the solver proved this plan optimal; never when the plan's time ran out before the teachers of some candidate's prerequisites were looked for.",
  })
  optimal!: boolean;
  @Field(() => Float, {
    description:
      "A proven lower bound on the best objective value (0 when the plan's time ran out before the teachers of some candidate's prerequisites were looked for).",
  })
  lowerBound!: number;
  @Field({
    description:
      'Which method produced the plan: highs-ilp, cover-search, greedy+lp-bound, highs-incumbent+lp-bound, cover-search-incumbent, greedy or trivial.',
  })
  solver!: string;
  @Field(() => Float, { description: 'Time the solver took, in milliseconds.' }) solveMillis!: number;
  @Field(() => PlanStatus, { description: 'Whether the plan closes the gap, and if not why.' })
  status!: PlanStatusValue;
  @Field({
    description:
      'A few English sentences summing up the plan; when it leaves gap skills uncovered, how many courses each constraint excluded (e.g. "134 courses excluded: duration unknown").',
  })
  explanation!: string;
  // Backing fields, not exposed as such: skill URIs and course ids the field resolvers load.
  /** The `gap` field's skills. */
  gapSkills!: readonly string[];
  uncoverable!: readonly string[];
  uncoveredWithinBudget!: readonly string[];
  excluded!: readonly ExcludedCourseValue[];
  /** The plan's destination, kept by recommendCourses for `ctdlPathway`; absent on other plans. */
  target?: Target;
}

@ObjectType('CourseSuggestion', {
  description: 'One course ranked by what it alone adds for its cost.',
  simpleResolvers: true,
})
export class CourseSuggestion {
  @Field(() => Float, { description: 'Increase of the coverage score if taken alone.' }) scoreGain!: number;
  @Field(() => Float, { description: 'Its cost under the objective (for PRICE, in `currency`).' }) cost!: number;
  @Field({ description: 'ISO 4217 currency of a PRICE cost.' }) currency!: string;
  @Field(() => Float, {
    nullable: true,
    description: 'Coverage gain per unit of cost (coverageGain / cost); null for free courses, which rank first.',
  })
  gainPerCost!: number | null;
  // Backing fields, not exposed as such: the `credential`, `newlyCovered`, `missingPrerequisites` and `coverageGain` fields read them.
  courseId!: string;
  newlyCovered!: readonly string[];
  missingPrerequisites!: readonly string[];
  gain!: number;
}

@ObjectType('ReskillingOption', {
  description: 'An occupation close to the subject, with the cheapest plan to reach it.',
  simpleResolvers: true,
})
export class ReskillingOption {
  @Field(() => CoverageSnapshot, { description: 'Coverage of the occupation by the subject today.' })
  currentCoverage!: CoverageSnapshot;
  @Field(() => LearningPlan, { description: 'The cheapest plan to full essential coverage (within the constraints).' })
  plan!: LearningPlan;
  @Field({ description: 'True when the plan reaches full essential coverage.' }) reachesFullCoverage!: boolean;
  /** Backing field, not exposed: the occupation the `occupation` field resolves. */
  occupationUri!: string;
}
