/**
 * Engine against reference: the same requests answered by the bench server (compute engine,
 * `COMPUTE_SOURCE=memory`) and by a reference server on the same database computing from Neo4j
 * (`COMPUTE_SOURCE=database`), compared after normalising what may legitimately differ.
 *
 * Normalisation: timing fields (`solveMillis`) are dropped; a plan is compared by its status,
 * objective value, bound, optimality and coverage after it, not by its steps, because plans of
 * equal cost may pick different courses or order them differently when costs tie. Numbers are
 * equal within a relative 1e-9 (summing the same credits in another order).
 */
import { PLAN_CUT_OFF_REASON } from '../../src/domain/planning/planning-job';
import type { PoolRequest } from './scenarios';
import { type GraphqlReply, postGraphql } from './post-graphql';

/** One difference found. */
export interface AnswerDifference {
  readonly scenario: string;
  readonly variables: Record<string, unknown>;
  /** Where the answers first differ, e.g. `data.rankOccupations.nodes[3].score`. */
  readonly path: string;
  readonly engine: string;
  readonly reference: string;
  /**
   * Why the difference may be legitimate, or null: either side returned a plan not proven optimal
   * (a time-limited solve), an answer marked PARTIAL_RESULT (its time ran out before every
   * candidate was planned, e.g. the slower reference's reskilling list), or no plan at all, refused
   * at its cutoff (SERVER_BUSY, `details.reason` NOT_PLANNED_IN_TIME: the slower reference's
   * gathering on a prerequisite-heavy catalogue, say).
   */
  readonly timeLimited: TimeLimit | null;
}

/** What cut an answer short (see {@link AnswerDifference.timeLimited}). */
export type TimeLimit = 'unproven plan' | 'partial answer' | 'cut off';

/** The comparison over every scenario. */
export interface AnswerEquality {
  readonly compared: number;
  readonly differences: number;
  /** Of `differences`, those where either side was time-limited (an unproven plan, a partial answer or a cutoff). */
  readonly timeLimited: number;
  readonly byScenario: Readonly<Record<string, { compared: number; differences: number }>>;
  /** The first differences (at most 10). */
  readonly first: readonly AnswerDifference[];
}

const IGNORED_KEYS = new Set(['solveMillis']);
/** Keys of a plan that depend on tie-breaking among equally good plans. */
const PLAN_TIE_KEYS = new Set(['steps', 'excluded', 'ctdlPathway', 'explanation', 'totalHours', 'solver']);

/** Whether the object is a plan (a `LearningPlan` selection). */
const isPlan = (value: Record<string, unknown>) => 'objectiveValue' in value;

/** The answer with timing fields dropped and plans reduced to what ties cannot change. */
export function normaliseAnswer(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseAnswer);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  const plan = isPlan(object);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(object).sort()) {
    if (IGNORED_KEYS.has(key) || (plan && PLAN_TIE_KEYS.has(key))) continue;
    out[key] = normaliseAnswer(object[key]);
  }
  return out;
}

const sameNumber = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** The path of the first difference between two normalised answers, or null when equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (typeof a === 'number' && typeof b === 'number') return sameNumber(a, b) ? null : path || '(root)';
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}.length`;
    for (let i = 0; i < a.length; i += 1) {
      const found = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (
    a !== null &&
    b !== null &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
      );
      if (found !== null) return found;
    }
    return null;
  }
  return a === b ? null : path || '(root)';
}

/** The value at a path produced by {@link firstDifference}. */
function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** True when the raw answer holds a plan with `optimal: false`. */
const hasUnprovenPlan = (raw: unknown) => JSON.stringify(raw).includes('"optimal":false');

/** True when the reply is a plan request refused at its cutoff (no plan in its time). */
const wasCutOff = (reply: { readonly errors?: GraphqlReply['errors'] }) =>
  reply.errors?.some(
    (error) => error.extensions?.code === 'SERVER_BUSY' && error.extensions.details?.reason === PLAN_CUT_OFF_REASON,
  ) ?? false;

/**
 * What time-limited either of two replies, or null when neither was.
 *
 * @example
 * timeLimitOf({ data, warnings: [] }, { data: { reskillingPaths: [] }, warnings: ['PARTIAL_RESULT'] }) // 'partial answer'
 */
export function timeLimitOf(
  ...replies: readonly (Pick<GraphqlReply, 'data' | 'warnings'> & { readonly errors?: GraphqlReply['errors'] })[]
): TimeLimit | null {
  if (replies.some((reply) => hasUnprovenPlan(reply.data))) return 'unproven plan';
  if (replies.some((reply) => reply.warnings.includes('PARTIAL_RESULT'))) return 'partial answer';
  if (replies.some(wasCutOff)) return 'cut off';
  return null;
}

/** A scenario's requests as both servers receive them. */
export interface ComparedScenario {
  readonly name: string;
  readonly pool: readonly PoolRequest[];
  readonly bodies: readonly string[];
  readonly authorizations: readonly string[];
}

/**
 * Sends the first `perScenario` requests of each scenario to both servers, one at a time (so the
 * reference's timing cannot cut a plan short that the engine finished), and compares.
 */
export async function compareAnswers(
  engineUrl: string,
  referenceUrl: string,
  scenarios: readonly ComparedScenario[],
  perScenario: number,
): Promise<AnswerEquality> {
  let compared = 0;
  let differences = 0;
  let timeLimited = 0;
  const byScenario: Record<string, { compared: number; differences: number }> = {};
  const first: AnswerDifference[] = [];
  for (const scenario of scenarios) {
    const counts = { compared: 0, differences: 0 };
    byScenario[scenario.name] = counts;
    for (let i = 0; i < Math.min(perScenario, scenario.bodies.length); i += 1) {
      const body = scenario.bodies[i]!;
      const authorization = scenario.authorizations[i] ?? '';
      const engine = await postGraphql(engineUrl, body, authorization);
      const reference = await postGraphql(referenceUrl, body, authorization);
      const a = normaliseAnswer({
        status: engine.status,
        data: engine.data,
        errors: engine.errors?.map((e) => e.extensions?.code ?? e.message),
      });
      const b = normaliseAnswer({
        status: reference.status,
        data: reference.data,
        errors: reference.errors?.map((e) => e.extensions?.code ?? e.message),
      });
      compared += 1;
      counts.compared += 1;
      const path = firstDifference(a, b);
      if (path === null) continue;
      differences += 1;
      counts.differences += 1;
      const limited = timeLimitOf(engine, reference);
      if (limited !== null) timeLimited += 1;
      if (first.length < 10)
        first.push({
          scenario: scenario.name,
          variables: scenario.pool[i]!.variables,
          path,
          engine: JSON.stringify(valueAt(a, path))?.slice(0, 300) ?? 'undefined',
          reference: JSON.stringify(valueAt(b, path))?.slice(0, 300) ?? 'undefined',
          timeLimited: limited,
        });
    }
  }
  return { compared, differences, timeLimited, byScenario, first };
}
