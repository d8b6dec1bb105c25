/**
 * Course planning: turns a subject's gap for one or many targets into planning problems (one
 * batch of queries whatever the number of targets), solves them with the pure planner, and
 * measures coverage before, after and along the plan with the coverage engine's rules.
 */
import { BadInputError } from '../domain/errors';
import {
  computeCoverage,
  computeSkillCredits,
  scoreFromCredits,
  type Evidence,
  type HierarchyLink,
  type MatchPolicy,
  type Requirement,
} from '../domain/coverage';
import {
  checkPlanCurrency,
  convertPrice,
  planCourses,
  rankNextCourses,
  type PlanCourse,
  type PlanInput,
  type PlanObjective,
  type PlanResult,
  type PriceRates,
  type RankedCourse,
} from '../domain/planning';
import type { CourseRow, PlanningRepository } from '../db/repositories/planning-repository';
import type { CoverageService, SubjectEvidence } from './coverage-service';

export type PlanScope = 'ESSENTIAL' | 'ESSENTIAL_AND_OPTIONAL';

/** Filters and budgets of a plan request. */
export interface PlanConstraints {
  readonly maxTotalHours?: number | null;
  readonly maxTotalPrice?: number | null;
  readonly maxCourses?: number | null;
  readonly languages?: readonly string[] | null;
  readonly participationForms?: readonly string[] | null;
  readonly maxEqfLevel?: number | null;
  readonly excludeProviderIds?: readonly string[] | null;
  readonly providerIds?: readonly string[] | null;
  /**
   * ISO 4217 currency of the plan: `maxTotalPrice`, `totalPrice` and a PRICE objective are in it,
   * and every course price is converted into it with the rate table (default EUR).
   */
  readonly currency?: string | null;
}

/** Score and essential coverage at one moment. */
export interface CoverageSnapshot {
  readonly score: number;
  readonly essentialCoverage: number;
}

/** A plan step with the coverage reached after it. */
export interface PlanStepValue {
  readonly order: number;
  readonly credentialId: string;
  readonly newlyCovered: readonly string[];
  readonly essentialCoverageAfter: number;
  readonly scoreAfter: number;
}

/** Why a plan is what it is. */
export type PlanStatus = 'PLANNED' | 'NO_GAP' | 'NOTHING_COVERABLE' | 'PARTIAL_WITHIN_BUDGET';

/** A learning plan as the API returns it. */
export interface LearningPlanValue extends Omit<PlanResult, 'steps'> {
  readonly steps: readonly PlanStepValue[];
  readonly coverageBefore: CoverageSnapshot;
  readonly coverageAfter: CoverageSnapshot;
  readonly gapSkills: readonly string[];
  readonly status: PlanStatus;
  readonly explanation: string;
  /** The currency of `totalPrice`, `maxTotalPrice` and a PRICE `objectiveValue`. */
  readonly currency: string;
  /** The day of the exchange rates prices were converted with. */
  readonly ratesDate: string;
}

/** One course suggested as the next step. */
export interface CourseSuggestionValue extends RankedCourse {
  readonly scoreGain: number;
  /** The currency of `cost` under the PRICE objective. */
  readonly currency: string;
}

/** The planning problem of one target. */
interface PreparedTarget {
  readonly requirements: Requirement[];
  readonly links: HierarchyLink[];
  readonly before: CoverageSnapshot;
  readonly gap: { skillUri: string; weight: number }[];
  readonly courses: PlanCourse[];
  /** Courses with a price in a currency the rate table lacks (unpriced in this plan). */
  readonly noRate: ReadonlySet<string>;
}

const MAX_PREREQUISITE_LEVELS = 3;

/** Validates the constraints; returns the plan's currency. */
function validateConstraints(c: PlanConstraints, rates: PriceRates): string {
  for (const [field, value] of [['maxTotalHours', c.maxTotalHours], ['maxTotalPrice', c.maxTotalPrice], ['maxCourses', c.maxCourses]] as const) {
    if (value != null && !(Number.isFinite(value) && value >= 0)) throw new BadInputError(`constraints.${field} must be a non-negative number, got ${value}`, { field: `constraints.${field}` });
  }
  if (c.maxCourses != null && !Number.isInteger(c.maxCourses)) throw new BadInputError(`constraints.maxCourses must be a whole number, got ${c.maxCourses}`, { field: 'constraints.maxCourses' });
  if (c.maxEqfLevel != null && !(Number.isInteger(c.maxEqfLevel) && c.maxEqfLevel >= 1 && c.maxEqfLevel <= 8)) {
    throw new BadInputError(`constraints.maxEqfLevel must be 1-8, got ${c.maxEqfLevel}`, { field: 'constraints.maxEqfLevel' });
  }
  return checkPlanCurrency(c.currency, rates);
}

function dedupeRequirements(requirements: readonly Requirement[]): Requirement[] {
  const byUri = new Map<string, Requirement>();
  for (const req of requirements) if (byUri.get(req.skillUri)?.relation !== 'ESSENTIAL') byUri.set(req.skillUri, req);
  return [...byUri.values()];
}

/** Plans courses with the coverage engine's matching rules. */
export class PlanningService {
  constructor(
    private readonly coverage: CoverageService,
    private readonly repo: PlanningRepository,
    private readonly timeLimitMs: number,
    private readonly priceRates: PriceRates,
  ) {}

  /** Which kinds of hierarchy match reach the threshold on their own (a course is full evidence). */
  private coveringKinds(policy: MatchPolicy) {
    return {
      exact: policy.exact >= policy.coverThreshold && policy.exact > 0,
      NARROWER: policy.narrower >= policy.coverThreshold && policy.narrower > 0,
      BROADER: policy.broader >= policy.coverThreshold && policy.broader > 0,
    };
  }

  /**
   * Builds the planning problems of several targets for one subject in a fixed number of round
   * trips: hierarchy links of all requirements, courses teaching any covering skill, then up to
   * {@link MAX_PREREQUISITE_LEVELS} levels of courses teaching unmet prerequisites.
   */
  private async prepare(evidence: SubjectEvidence, targets: readonly Requirement[][], scope: PlanScope, constraints: PlanConstraints, policy: MatchPolicy, heldCredentialIds: readonly string[]): Promise<PreparedTarget[]> {
    const allRequirements = dedupeRequirements(targets.flat());
    const allLinks = await this.coverage.requirementLinks(allRequirements, policy);
    const linksBySkill = new Map<string, HierarchyLink[]>();
    for (const link of allLinks) linksBySkill.set(link.requiredUri, [...(linksBySkill.get(link.requiredUri) ?? []), link]);
    const evidenceSkills = new Set(evidence.skillUris);
    const kinds = this.coveringKinds(policy);
    const coveringSkills = (uri: string): string[] => [
      ...(kinds.exact ? [uri] : []),
      ...(linksBySkill.get(uri) ?? []).filter((l) => kinds[l.kind] && l.distance <= policy.maxHierarchyDepth).map((l) => l.evidenceUri),
    ];

    const prepared = targets.map((raw) => {
      const requirements = dedupeRequirements(raw);
      const links = requirements.flatMap((r) => linksBySkill.get(r.skillUri) ?? []);
      const result = computeCoverage({ requirements, evidence: evidence.evidence, links: links.filter((l) => evidenceSkills.has(l.evidenceUri)), policy });
      const scoped = result.requirements.filter((r) => scope === 'ESSENTIAL_AND_OPTIONAL' || r.relation === 'ESSENTIAL');
      const gap = scoped.filter((r) => r.credit < policy.coverThreshold).map((r) => ({ skillUri: r.skillUri, weight: r.relation === 'ESSENTIAL' ? 1 : policy.optionalWeight }));
      return { requirements, links, before: { score: result.score, essentialCoverage: result.essentialCoverage }, gap };
    });

    const filter = {
      languages: constraints.languages?.length ? constraints.languages.map((l) => l.toLowerCase()) : null,
      participationForms: constraints.participationForms?.length ? [...constraints.participationForms] : null,
      maxEqfLevel: constraints.maxEqfLevel ?? null,
      excludeProviderIds: [...(constraints.excludeProviderIds ?? [])],
      onlyProviderIds: constraints.providerIds?.length ? [...constraints.providerIds] : null,
      excludeCredentialIds: [...heldCredentialIds],
    };
    const gapSkills = [...new Set(prepared.flatMap((p) => p.gap.map((g) => g.skillUri)))];
    const covering = new Map(gapSkills.map((uri) => [uri, new Set(coveringSkills(uri))]));
    const courses = new Map<string, CourseRow>();
    for (const row of await this.repo.findCoursesTeaching([...new Set(gapSkills.flatMap((uri) => [...covering.get(uri)!]))], filter)) courses.set(row.id, row);

    // Prerequisites the subject does not hold (same matching rules), and courses teaching them.
    const unmet = new Set<string>();
    const checked = new Set<string>();
    for (let level = 0; level < MAX_PREREQUISITE_LEVELS; level += 1) {
      const fresh = [...new Set([...courses.values()].flatMap((c) => c.prerequisites))].filter((uri) => !checked.has(uri));
      if (fresh.length === 0) break;
      fresh.forEach((uri) => checked.add(uri));
      const prereqLinks = (await this.coverage.requirementLinks(fresh.map((skillUri) => ({ skillUri, relation: 'ESSENTIAL' as const })), policy)).filter((l) => evidenceSkills.has(l.evidenceUri));
      const credits = computeSkillCredits(fresh, evidence.evidence, prereqLinks, policy);
      const newlyUnmet = fresh.filter((uri) => (credits.get(uri)?.credit ?? 0) < policy.coverThreshold);
      newlyUnmet.forEach((uri) => unmet.add(uri));
      if (newlyUnmet.length === 0) break;
      for (const row of await this.repo.findCoursesTeaching(newlyUnmet, filter)) if (!courses.has(row.id)) courses.set(row.id, row);
    }

    // Which gap skills each course covers, and its unmet prerequisites, are worked out once for
    // all targets (reskillingPaths prepares dozens over thousands of shared courses); each
    // target then only keeps its own gap skills, in its gap order.
    const gapsCoveredBy = new Map<string, string[]>();
    for (const [gapUri, skills] of covering) {
      for (const uri of skills) gapsCoveredBy.set(uri, [...(gapsCoveredBy.get(uri) ?? []), gapUri]);
    }
    const rows = [...courses.values()].map((course) => {
      const covered = new Set<string>();
      for (const uri of course.teaches) for (const gapUri of gapsCoveredBy.get(uri) ?? []) covered.add(gapUri);
      return { course, covered, prerequisites: course.prerequisites.filter((uri) => unmet.has(uri)) };
    });
    // Prices in the plan's currency; a price without a rate leaves its course unpriced.
    const currency = constraints.currency ?? 'EUR';
    const noRate = new Set<string>();
    const prices = new Map<string, number | null>();
    for (const { course } of rows) {
      const price = course.price === null ? null : convertPrice(course.price, course.currency ?? currency, currency, this.priceRates);
      if (course.price !== null && price === null) noRate.add(course.id);
      prices.set(course.id, price);
    }
    return prepared.map((p) => {
      const planCoursesFor: PlanCourse[] = rows.map(({ course, covered, prerequisites }) => ({
        id: course.id,
        hours: course.hours,
        price: prices.get(course.id) ?? null,
        ects: course.ects,
        covers: p.gap.filter((g) => covered.has(g.skillUri)).map((g) => g.skillUri),
        teaches: course.teaches,
        prerequisites: [...prerequisites],
      }));
      return { ...p, courses: planCoursesFor, noRate };
    });
  }

  /** The courses of a prepared target by id, built once per target (every plan step looks them up). */
  private readonly courseIndex = new WeakMap<PreparedTarget, Map<string, PlanCourse>>();

  private coursesById(prepared: PreparedTarget): Map<string, PlanCourse> {
    let byId = this.courseIndex.get(prepared);
    if (byId === undefined) {
      byId = new Map(prepared.courses.map((c) => [c.id, c]));
      this.courseIndex.set(prepared, byId);
    }
    return byId;
  }

  /** Coverage after adding courses (as held credentials) to the subject's evidence. */
  private snapshotWith(prepared: PreparedTarget, evidence: SubjectEvidence, courseIds: readonly string[], policy: MatchPolicy): CoverageSnapshot {
    const byId = this.coursesById(prepared);
    const added: Evidence[] = courseIds.flatMap((id) => (byId.get(id)?.teaches ?? []).map((skillUri) => ({ skillUri, source: { kind: 'CREDENTIAL' as const, credentialId: id } })));
    const all = [...evidence.evidence, ...added];
    const skills = new Set(all.map((e) => e.skillUri));
    const credits = computeSkillCredits(prepared.requirements.map((r) => r.skillUri), all, prepared.links.filter((l) => skills.has(l.evidenceUri)), policy);
    const scores = scoreFromCredits(prepared.requirements, credits, policy);
    return { score: scores.score, essentialCoverage: scores.essentialCoverage };
  }

  /** The planner's input for one prepared target. */
  private toPlanInput(prepared: PreparedTarget, objective: PlanObjective, constraints: PlanConstraints): PlanInput {
    return {
      gap: prepared.gap,
      courses: prepared.courses,
      objective,
      budgets: { maxTotalHours: constraints.maxTotalHours, maxTotalPrice: constraints.maxTotalPrice, maxCourses: constraints.maxCourses },
      timeLimitMs: this.timeLimitMs,
    };
  }

  private async solve(prepared: PreparedTarget, evidence: SubjectEvidence, objective: PlanObjective, constraints: PlanConstraints, policy: MatchPolicy): Promise<LearningPlanValue> {
    const plan = await planCourses(this.toPlanInput(prepared, objective, constraints));
    const steps = plan.steps.map((step, i) => {
      const after = this.snapshotWith(prepared, evidence, plan.steps.slice(0, i + 1).map((s) => s.courseId), policy);
      return { order: step.order, credentialId: step.courseId, newlyCovered: step.newlyCovered, essentialCoverageAfter: after.essentialCoverage, scoreAfter: after.score };
    });
    const after = steps.length ? { score: steps[steps.length - 1]!.scoreAfter, essentialCoverage: steps[steps.length - 1]!.essentialCoverageAfter } : prepared.before;
    let status: PlanStatus = 'PLANNED';
    let explanation = `Covers ${plan.coveredSkills.length} of ${prepared.gap.length} gap skills with ${steps.length} course(s).`;
    if (prepared.gap.length === 0) {
      status = 'NO_GAP';
      explanation = 'The subject already covers every required skill in scope: nothing to plan.';
    } else if (plan.coveredSkills.length === 0 && plan.uncoveredWithinBudget.length === 0) {
      status = 'NOTHING_COVERABLE';
      explanation = 'No eligible course covers any of the gap skills.';
    } else if (plan.uncoveredWithinBudget.length > 0) {
      status = 'PARTIAL_WITHIN_BUDGET';
      explanation = `The budgets allow covering ${plan.coveredSkills.length} of ${plan.coveredSkills.length + plan.uncoveredWithinBudget.length} coverable gap skills; this plan covers the most within them.`;
    }
    if (plan.uncoverable.length > 0 && status !== 'NO_GAP') explanation += ` ${plan.uncoverable.length} gap skill(s) are taught by no eligible course.`;
    const currency = constraints.currency ?? 'EUR';
    const excluded = plan.excluded.map((e) => (e.reason === 'price-unknown' && prepared.noRate.has(e.courseId) ? { ...e, reason: 'no-exchange-rate' as const } : e));
    const withoutRate = excluded.filter((e) => e.reason === 'no-exchange-rate').map((e) => e.courseId);
    if (objective === 'PRICE' || constraints.maxTotalPrice != null) {
      explanation += ` Prices in ${currency}, converted at the ${this.priceRates.source} rates of ${this.priceRates.date}.`;
      if (withoutRate.length > 0) explanation += ` ${withoutRate.length} course(s) priced in a currency without an exchange rate were left out: ${withoutRate.slice(0, 10).join(', ')}${withoutRate.length > 10 ? ', …' : ''}.`;
    }
    return {
      ...plan,
      excluded,
      steps,
      coverageBefore: prepared.before,
      coverageAfter: after,
      gapSkills: prepared.gap.map((g) => g.skillUri),
      status,
      explanation,
      currency,
      ratesDate: this.priceRates.date,
    };
  }

  private async heldCredentials(evidence: SubjectEvidence): Promise<string[]> {
    return [...new Set(evidence.evidence.flatMap((e) => (e.source.kind === 'CREDENTIAL' ? [e.source.credentialId] : [])))];
  }

  /** `recommendCourses`: the optimal plan for one target. */
  async recommend(evidence: SubjectEvidence, requirements: Requirement[], objective: PlanObjective, scope: PlanScope, constraints: PlanConstraints, policy: MatchPolicy): Promise<LearningPlanValue> {
    const priced = { ...constraints, currency: validateConstraints(constraints, this.priceRates) };
    const [prepared] = await this.prepare(evidence, [requirements], scope, priced, policy, await this.heldCredentials(evidence));
    return this.solve(prepared!, evidence, objective, priced, policy);
  }

  /**
   * The exact planner input `recommend` solves, without solving it, so benchmarks can run other
   * planners (the greedy baseline) on the same problem.
   */
  async recommendInput(evidence: SubjectEvidence, requirements: Requirement[], objective: PlanObjective, scope: PlanScope, constraints: PlanConstraints, policy: MatchPolicy): Promise<PlanInput> {
    const priced = { ...constraints, currency: validateConstraints(constraints, this.priceRates) };
    const [prepared] = await this.prepare(evidence, [requirements], scope, priced, policy, await this.heldCredentials(evidence));
    return this.toPlanInput(prepared!, objective, priced);
  }

  /** `nextCourses`: single courses ranked by coverage gain per unit of cost. */
  async next(evidence: SubjectEvidence, requirements: Requirement[], first: number, objective: PlanObjective, constraints: PlanConstraints, policy: MatchPolicy): Promise<CourseSuggestionValue[]> {
    const currency = validateConstraints(constraints, this.priceRates);
    const [prepared] = await this.prepare(evidence, [requirements], 'ESSENTIAL_AND_OPTIONAL', { ...constraints, currency }, policy, await this.heldCredentials(evidence));
    const ranking = rankNextCourses({
      gap: prepared!.gap,
      courses: prepared!.courses,
      objective,
      budgets: { maxTotalHours: constraints.maxTotalHours, maxTotalPrice: constraints.maxTotalPrice, maxCourses: constraints.maxCourses },
      limit: first,
    });
    return ranking.courses.map((course) => ({ ...course, currency, scoreGain: this.snapshotWith(prepared!, evidence, [course.courseId], policy).score - prepared!.before.score }));
  }

  /**
   * `reskillingPaths`: the `candidates` best occupations by current score, each with its cheapest
   * plan to full essential coverage; options reaching full coverage first, by plan cost, then score.
   */
  async reskilling(evidence: SubjectEvidence, first: number, candidates: number, objective: PlanObjective, constraints: PlanConstraints, policy: MatchPolicy) {
    const priced = { ...constraints, currency: validateConstraints(constraints, this.priceRates) };
    const ranked = (await this.coverage.rankOccupationsFor(evidence, policy, null)).slice(0, candidates);
    const requirementSets = await this.coverage.requirementsOfOccupations(ranked.map((r) => r.occupationUri));
    const prepared = await this.prepare(evidence, ranked.map((r) => requirementSets.get(r.occupationUri) ?? []), 'ESSENTIAL', priced, policy, await this.heldCredentials(evidence));
    const options = [];
    for (let i = 0; i < ranked.length; i += 1) {
      const plan = await this.solve(prepared[i]!, evidence, objective, priced, policy);
      const reachesFull = plan.uncoverable.length === 0 && plan.uncoveredWithinBudget.length === 0;
      options.push({ occupationUri: ranked[i]!.occupationUri, current: ranked[i]!, plan, reachesFull });
    }
    options.sort((a, b) => Number(b.reachesFull) - Number(a.reachesFull) || a.plan.objectiveValue - b.plan.objectiveValue || b.current.score - a.current.score || (a.occupationUri < b.occupationUri ? -1 : 1));
    return options.slice(0, first);
  }
}
