/** Packed candidate evidence as sorted `learner skill kind` lines, to compare two packings. */
import type { PackedCandidateEvidence } from '../../src/domain/coverage';
import { unpackStrings } from '../../src/domain/packed-strings';

export function evidenceLines(evidence: PackedCandidateEvidence): string[] {
  const lines: string[] = [];
  unpackStrings(evidence.learnerIds).forEach((learnerId, learner) => {
    for (let e = evidence.offsets[learner]!; e < evidence.offsets[learner + 1]!; e += 1)
      lines.push(`${learnerId} ${evidence.skillUris[evidence.skills[e]!]} ${evidence.kinds[e]}`);
  });
  return lines.sort();
}
