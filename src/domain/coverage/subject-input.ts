/**
 * Who is being assessed, and against what. A subject is exactly one of: a learner; a stack of
 * credentials and/or stated skills; or someone holding an occupation's essential skills. A target
 * is exactly one occupation or job posting.
 */
import { BadInputError } from '../errors';
import { checkEscoUri, checkId, unique } from '../catalog/field-checks';

/** Raw subject as the API receives it. */
export interface SubjectInput {
  learnerId?: string | null;
  credentialIds?: string[] | null;
  skillUris?: string[] | null;
  occupationUri?: string | null;
}

/** A validated subject. */
export type Subject =
  | { kind: 'LEARNER'; learnerId: string }
  | { kind: 'STACK'; credentialIds: string[]; skillUris: string[] }
  | { kind: 'OCCUPATION'; occupationUri: string };

/** Raw target. */
export interface TargetInput {
  occupationUri?: string | null;
  jobPostingId?: string | null;
}

/** A validated target. */
export type Target = { kind: 'OCCUPATION'; occupationUri: string } | { kind: 'JOB_POSTING'; jobPostingId: string };

const MAX_STACK = 500;

/**
 * Validates a subject.
 *
 * @example
 * validateSubject({ credentialIds: ['c1'], skillUris: [SQL] }) // { kind: 'STACK', credentialIds: ['c1'], skillUris: [SQL] }
 * validateSubject({ learnerId: 'l1', skillUris: [SQL] })       // throws: give exactly one kind of subject
 */
export function validateSubject(input: SubjectInput): Subject {
  const hasLearner = input.learnerId != null;
  const hasStack = input.credentialIds != null || input.skillUris != null;
  const hasOccupation = input.occupationUri != null;
  const kinds = [hasLearner, hasStack, hasOccupation].filter(Boolean).length;
  if (kinds !== 1) {
    throw new BadInputError(
      'subject must give exactly one kind: learnerId, or credentialIds and/or skillUris, or occupationUri',
      { field: 'subject' },
    );
  }
  if (hasLearner) return { kind: 'LEARNER', learnerId: checkId('subject.learnerId', input.learnerId!) };
  if (hasOccupation)
    return {
      kind: 'OCCUPATION',
      occupationUri: checkEscoUri('subject.occupationUri', input.occupationUri!, 'occupation'),
    };
  const credentialIds = unique((input.credentialIds ?? []).map((id, i) => checkId(`subject.credentialIds[${i}]`, id)));
  const skillUris = unique(
    (input.skillUris ?? []).map((uri, i) => checkEscoUri(`subject.skillUris[${i}]`, uri, 'skill')),
  );
  if (credentialIds.length + skillUris.length > MAX_STACK) {
    throw new BadInputError(`a subject may list at most ${MAX_STACK} credentials and skills`, { field: 'subject' });
  }
  return { kind: 'STACK', credentialIds, skillUris };
}

/** Validates a target: exactly one of occupationUri and jobPostingId. */
export function validateTarget(input: TargetInput): Target {
  const hasOccupation = input.occupationUri != null;
  const hasPosting = input.jobPostingId != null;
  if (hasOccupation === hasPosting) {
    throw new BadInputError('target must give exactly one of occupationUri and jobPostingId', { field: 'target' });
  }
  return hasOccupation
    ? { kind: 'OCCUPATION', occupationUri: checkEscoUri('target.occupationUri', input.occupationUri!, 'occupation') }
    : { kind: 'JOB_POSTING', jobPostingId: checkId('target.jobPostingId', input.jobPostingId!) };
}
