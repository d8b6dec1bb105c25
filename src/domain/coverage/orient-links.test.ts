import { describe, expect, it } from 'vitest';
import { linksFromEvidence, linksFromRequired } from './orient-links';

describe('orienting hierarchy expansion rows', () => {
  it('keeps the kind when the expanded skill is the requirement', () => {
    expect(linksFromRequired([{ skillUri: 'r', relatedUri: 'e', kind: 'BROADER', distance: 2 }])).toEqual([
      { requiredUri: 'r', evidenceUri: 'e', kind: 'BROADER', distance: 2 },
    ]);
  });
  it('flips the kind when the expanded skill is the evidence', () => {
    expect(
      linksFromEvidence([
        { skillUri: 'e', relatedUri: 'below', kind: 'NARROWER', distance: 1 },
        { skillUri: 'e', relatedUri: 'above', kind: 'BROADER', distance: 2 },
      ]),
    ).toEqual([
      { requiredUri: 'below', evidenceUri: 'e', kind: 'BROADER', distance: 1 },
      { requiredUri: 'above', evidenceUri: 'e', kind: 'NARROWER', distance: 2 },
    ]);
  });
});
