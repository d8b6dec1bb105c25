/**
 * What a start loads into the graph for the demo, decided from what the graph already holds.
 * Pure: `seed-demo-if-needed.ts` reads the state and carries the plan out.
 */

/** What the graph holds, as `cypher/demo/get-demo-state` reads it. */
export interface DemoGraphState {
  /** Skill nodes in the graph (0 on an empty graph). */
  readonly skills: number;
  /** The recorded ESCO release; null until an ESCO import completes. */
  readonly escoVersion: string | null;
  /** How far a demo load got: 'loading' if a start was stopped during it, 'loaded' once done. */
  readonly demoState: string | null;
}

/** The steps to run, in order: ESCO seed, then the wipe of a partial demo load, then the demo data. */
export interface DemoSeedingPlan {
  readonly loadEscoSeed: boolean;
  readonly loadDemoData: boolean;
  /** True when an earlier start was stopped mid-load and this one finishes the job. */
  readonly resuming: boolean;
}

/**
 * Seeds an empty graph, finishes a demo load an earlier start left half done, and leaves every
 * other graph alone (a full ESCO import or a graph seeded before the state was recorded).
 *
 * @example
 * planDemoSeeding({ skills: 0, escoVersion: null, demoState: null }, true);
 * // → { loadEscoSeed: true, loadDemoData: true, resuming: false }
 * planDemoSeeding({ skills: 9000, escoVersion: 'v1.1.1', demoState: 'loading' }, true);
 * // → { loadEscoSeed: false, loadDemoData: true, resuming: true } (ESCO completed, demo did not)
 */
export function planDemoSeeding(state: DemoGraphState, seedOnEmpty: boolean): DemoSeedingPlan {
  if (!seedOnEmpty) return { loadEscoSeed: false, loadDemoData: false, resuming: false };
  if (state.skills === 0) return { loadEscoSeed: true, loadDemoData: true, resuming: state.demoState === 'loading' };
  if (state.demoState !== 'loading') return { loadEscoSeed: false, loadDemoData: false, resuming: false };
  return { loadEscoSeed: state.escoVersion === null, loadDemoData: true, resuming: true };
}
