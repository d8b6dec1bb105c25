import { describe, expect, it } from 'vitest';
import { planDemoSeeding } from '../../../src/generate/demo/demo-seeding-plan';

describe('planDemoSeeding', () => {
  it('loads everything into an empty graph', () => {
    expect(planDemoSeeding({ skills: 0, escoVersion: null, demoState: null }, true)).toEqual({
      loadEscoSeed: true,
      loadDemoData: true,
      resuming: false,
    });
  });

  it('loads nothing when seeding on an empty graph is switched off', () => {
    expect(planDemoSeeding({ skills: 0, escoVersion: null, demoState: null }, false)).toEqual({
      loadEscoSeed: false,
      loadDemoData: false,
      resuming: false,
    });
    expect(planDemoSeeding({ skills: 10, escoVersion: null, demoState: 'loading' }, false).loadDemoData).toBe(false);
  });

  it('leaves a loaded demo, a full ESCO import and graphs seeded before the state was recorded alone', () => {
    for (const state of [
      { skills: 13_000, escoVersion: 'v1.1.1', demoState: 'loaded' },
      { skills: 13_939, escoVersion: 'v1.1.1', demoState: null },
      { skills: 5_000, escoVersion: null, demoState: null },
    ]) {
      expect(planDemoSeeding(state, true)).toEqual({ loadEscoSeed: false, loadDemoData: false, resuming: false });
    }
  });

  it('reloads only the demo data when the ESCO seed completed before the stop', () => {
    expect(planDemoSeeding({ skills: 13_000, escoVersion: 'v1.1.1', demoState: 'loading' }, true)).toEqual({
      loadEscoSeed: false,
      loadDemoData: true,
      resuming: true,
    });
  });

  it('loads the ESCO seed again when the stop came during it', () => {
    expect(planDemoSeeding({ skills: 4_000, escoVersion: null, demoState: 'loading' }, true)).toEqual({
      loadEscoSeed: true,
      loadDemoData: true,
      resuming: true,
    });
  });
});
