import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evidenceLines } from '../../../test/support/packed-evidence';
import { unpackStrings } from '../packed-strings';
import { CandidateEvidenceBuilder, EvidenceKind, evidenceBuffers } from './packed-candidate-evidence';

const SKILLS = ['esco:a', 'esco:b', 'esco:c'];

/** Entries as (learner id, skill, kind), in the order they are added. */
const entries = fc.array(
  fc.tuple(fc.constantFrom('l1', 'l2', 'l3', 'l4'), fc.constantFrom(...SKILLS), fc.integer({ min: 0, max: 3 })),
  { maxLength: 3000 },
);

function built(list: readonly (readonly [string, string, number])[], reserved: number | null) {
  const builder = new CandidateEvidenceBuilder(SKILLS);
  if (reserved !== null) builder.reserve(reserved);
  for (const [learner, skill, kind] of list)
    builder.add(builder.learner(learner), builder.skill(skill)!, kind as EvidenceKind);
  return builder.build();
}

describe('CandidateEvidenceBuilder', () => {
  it('builds the same evidence whatever was reserved, below, at or above the entries added', () => {
    fc.assert(
      fc.property(entries, fc.integer({ min: 0, max: 4000 }), (list, reserved) => {
        const expected = list.map(([learner, skill, kind]) => `${learner} ${skill} ${kind}`).sort();
        const plain = built(list, null);
        const withRoom = built(list, reserved);
        expect(evidenceLines(plain)).toEqual(expected);
        expect(evidenceLines(withRoom)).toEqual(expected);
        expect(unpackStrings(withRoom.learnerIds)).toEqual(unpackStrings(plain.learnerIds));
      }),
      { numRuns: 50 },
    );
  });

  it('gives every array its own buffer, so all of them can be transferred', () => {
    const evidence = built(
      [
        ['l1', 'esco:a', EvidenceKind.VERIFIED_CREDENTIAL],
        ['l2', 'esco:b', EvidenceKind.SELF_DECLARED],
      ],
      10,
    );
    const moved = structuredClone(evidence, { transfer: evidenceBuffers(evidence) });
    expect(evidence.offsets.length + evidence.skills.length + evidence.learnerIds.ends.length).toBe(0);
    expect(evidenceLines(moved)).toEqual(['l1 esco:a 0', 'l2 esco:b 3']);
  });
});
