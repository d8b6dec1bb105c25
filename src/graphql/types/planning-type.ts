import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ParticipationForm } from './catalog-enums';
import { MicroCredential } from './micro-credential-type';
import { Skill } from './skill-type';
import { Occupation } from './occupation-type';

export enum PlanObjective {
  HOURS = 'HOURS',
  PRICE = 'PRICE',
  ECTS = 'ECTS',
  COUNT = 'COUNT',
}
registerEnumType(PlanObjective, {
  name: 'PlanObjective',
  description: 'What a plan minimises. A course without hours counts 25 h per ECTS (and without ECTS, hours / 25); a course without a price, or priced in a currency without an exchange rate, cannot be planned under PRICE or a price budget. PRICE sums prices converted into the plan currency.',
});

export enum PlanScope {
  ESSENTIAL = 'ESSENTIAL',
  ESSENTIAL_AND_OPTIONAL = 'ESSENTIAL_AND_OPTIONAL',
}
registerEnumType(PlanScope, { name: 'PlanScope' });

export enum PlanStatus {
  PLANNED = 'PLANNED',
  NO_GAP = 'NO_GAP',
  NOTHING_COVERABLE = 'NOTHING_COVERABLE',
  PARTIAL_WITHIN_BUDGET = 'PARTIAL_WITHIN_BUDGET',
}
registerEnumType(PlanStatus, { name: 'PlanStatus' });

@InputType('PlanConstraintsInput')
export class PlanConstraintsInput {
  @Field(() => Float, { nullable: true }) maxTotalHours?: number | null;
  @Field(() => Float, { nullable: true, description: 'Largest total price, in the plan currency (the `currency` argument, EUR by default).' }) maxTotalPrice?: number | null;
  @Field(() => Int, { nullable: true }) maxCourses?: number | null;
  @Field(() => [String], { nullable: true, description: 'Courses taught in any of these languages (ISO 639-1).' }) languages?: string[] | null;
  @Field(() => [ParticipationForm], { nullable: true }) participationForms?: ParticipationForm[] | null;
  @Field(() => Int, { nullable: true }) maxEqfLevel?: number | null;
  @Field(() => [ID], { nullable: true }) excludeProviderIds?: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'Only courses of these providers (e.g. those an employer pays for).' }) providerIds?: string[] | null;
}

@ObjectType('CoverageSnapshot', { simpleResolvers: true })
export class CoverageSnapshot {
  @Field(() => Float) score!: number;
  @Field(() => Float) essentialCoverage!: number;
}

@ObjectType('PlanStep', { simpleResolvers: true })
export class PlanStep {
  @Field(() => Int) order!: number;
  @Field(() => MicroCredential) credential!: MicroCredential;
  @Field(() => [Skill], { description: 'Gap skills this step covers first.' }) newlyCovered!: Skill[];
  @Field(() => Float) essentialCoverageAfter!: number;
  @Field(() => Float) scoreAfter!: number;
}

@ObjectType('ExcludedCourse', { simpleResolvers: true })
export class ExcludedCourse {
  @Field(() => ID) credentialId!: string;
  @Field() reason!: string;
}

@ObjectType('LearningPlan', { simpleResolvers: true, description: 'The cheapest ordered set of courses closing the gap (weighted set cover solved exactly with HiGHS).' })
export class LearningPlan {
  @Field(() => [PlanStep], { description: 'In an order that respects prerequisites.' }) steps!: PlanStep[];
  @Field(() => Float, { nullable: true }) totalHours!: number | null;
  @Field(() => Float, { nullable: true, description: 'Sum of the prices, in `currency`; null when a chosen course has no price.' }) totalPrice!: number | null;
  @Field(() => Float, { nullable: true }) totalEcts!: number | null;
  @Field(() => PlanObjective) objective!: PlanObjective;
  @Field(() => Float, { description: 'Total cost under the objective (for PRICE, in `currency`).' }) objectiveValue!: number;
  @Field({ description: 'ISO 4217 currency of totalPrice, maxTotalPrice and a PRICE objectiveValue; course prices are converted into it.' }) currency!: string;
  @Field({ description: 'Day (YYYY-MM-DD) of the exchange rates prices were converted with.' }) ratesDate!: string;
  @Field(() => CoverageSnapshot) coverageBefore!: CoverageSnapshot;
  @Field(() => CoverageSnapshot) coverageAfter!: CoverageSnapshot;
  @Field(() => [Skill], { description: 'Required skills below the threshold before the plan.' }) gap!: Skill[];
  @Field(() => [Skill], { description: 'Gap skills no eligible course can cover.' }) uncoverable!: Skill[];
  @Field(() => [Skill], { description: 'Coverable gap skills left out because of the budgets.' }) uncoveredWithinBudget!: Skill[];
  @Field({ description: 'True when the solver proved this plan optimal.' }) optimal!: boolean;
  @Field(() => Float, { description: 'A proven lower bound on the best objective value.' }) lowerBound!: number;
  @Field({ description: 'highs-ilp, greedy+lp-bound, highs-incumbent+lp-bound, greedy or trivial.' }) solver!: string;
  @Field(() => Float) solveMillis!: number;
  @Field(() => PlanStatus) status!: PlanStatus;
  @Field() explanation!: string;
  @Field(() => [ExcludedCourse], { description: 'Candidate courses left out and why.' }) excluded!: ExcludedCourse[];
}

@ObjectType('CourseSuggestion', { simpleResolvers: true })
export class CourseSuggestion {
  @Field(() => MicroCredential) credential!: MicroCredential;
  @Field(() => [Skill], { description: 'Gap skills it would cover.' }) newlyCovered!: Skill[];
  @Field(() => Float, { description: 'Weighted number of gap skills covered (essential 1, optional λ).' }) coverageGain!: number;
  @Field(() => Float, { description: 'Increase of the coverage score if taken alone.' }) scoreGain!: number;
  @Field(() => Float, { description: 'Its cost under the objective (for PRICE, in `currency`).' }) cost!: number;
  @Field({ description: 'ISO 4217 currency of a PRICE cost.' }) currency!: string;
  @Field(() => Float, { nullable: true, description: 'coverageGain / cost; null for free courses (ranked first).' }) gainPerCost!: number | null;
  @Field(() => [Skill], { description: 'Prerequisites the subject lacks.' }) missingPrerequisites!: Skill[];
}

@ObjectType('ReskillingOption', { simpleResolvers: true })
export class ReskillingOption {
  @Field(() => Occupation) occupation!: Occupation;
  @Field(() => CoverageSnapshot) currentCoverage!: CoverageSnapshot;
  @Field(() => LearningPlan) plan!: LearningPlan;
  @Field({ description: 'True when the plan reaches full essential coverage.' }) reachesFullCoverage!: boolean;
}
