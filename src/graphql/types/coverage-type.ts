import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection-type';
import { Occupation, SkillRelation } from './occupation-type';
import { Skill } from './skill-type';
import { MicroCredential } from './micro-credential-type';
import { VerificationStatus } from './verification-type';
import type { CoverageResult, EvidenceSource, MatchPolicy, Target } from '../../domain/coverage';
import type { SubjectEvidence } from '../../services/coverage-service';

export enum CoverageStatus {
  COVERED = 'COVERED',
  PARTIAL = 'PARTIAL',
  MISSING = 'MISSING',
}
registerEnumType(CoverageStatus, {
  name: 'CoverageStatus',
  description:
    'How far a required skill is covered, judged by its credit against the cover threshold (policy coverThreshold, 0.8 by default).',
  valuesConfig: {
    COVERED: { description: 'Credit at or above the cover threshold.' },
    PARTIAL: { description: 'Credit above 0 but below the cover threshold.' },
    MISSING: { description: 'No credit: no evidence matched.' },
  },
});

export enum MatchKind {
  EXACT = 'EXACT',
  NARROWER = 'NARROWER',
  BROADER = 'BROADER',
}
registerEnumType(MatchKind, {
  name: 'MatchKind',
  description: 'How the evidence skill relates to the required skill in the ESCO skill hierarchy.',
  valuesConfig: {
    EXACT: { description: 'The evidence is the required skill.' },
    NARROWER: { description: 'The evidence lies below the required skill in the hierarchy.' },
    BROADER: { description: 'The evidence lies above the required skill in the hierarchy.' },
  },
});

export enum EvidenceKind {
  CREDENTIAL = 'CREDENTIAL',
  STATED = 'STATED',
  SELF_DECLARED = 'SELF_DECLARED',
  OCCUPATION = 'OCCUPATION',
}
registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'What kind of source gave a requirement its credit.',
  valuesConfig: {
    CREDENTIAL: {
      description:
        "A credential of the subject (a learner's holding, or one of the given credentialIds) teaches the skill.",
    },
    STATED: { description: 'The caller stated the skill (subject skillUris); factor 1.' },
    SELF_DECLARED: {
      description: 'The learner declared the skill without a credential; factor selfDeclared (0.5 by default).',
    },
    OCCUPATION: { description: 'The subject occupation has the skill as essential; factor 1.' },
  },
});

/** What gave a requirement its credit. */
@ObjectType('Evidence', { description: "One source of evidence behind a requirement's credit.", simpleResolvers: true })
export class EvidenceItem {
  @Field(() => EvidenceKind, { description: 'What kind of source it is.' }) kind!: EvidenceKind;
  @Field(() => MicroCredential, {
    nullable: true,
    description: 'For CREDENTIAL evidence: the credential (with its provider).',
  })
  credential?: MicroCredential | null;
  @Field(() => Occupation, {
    nullable: true,
    description: 'For OCCUPATION evidence: the occupation whose essential skills were assumed.',
  })
  occupation?: Occupation | null;
  @Field(() => VerificationStatus, {
    nullable: true,
    description:
      "For CREDENTIAL evidence from a learner's holding: how its credential was verified; null when it was never verified or the credential is not a holding.",
  })
  holdingVerification?: VerificationStatus | null;
}

/** One required skill with the credit it earned and why. */
@ObjectType('RequirementMatch', {
  description: 'One required skill with the credit it earned and why.',
  simpleResolvers: true,
})
export class RequirementMatch {
  @Field(() => Skill, { description: 'The required skill.' }) skill!: Skill;
  @Field(() => SkillRelation, { description: 'Whether the skill is essential or optional for the target.' })
  relation!: SkillRelation;
  @Field(() => Float, { description: 'Credit earned, in [0, 1]: the best match weight times the evidence factor.' })
  credit!: number;
  @Field(() => CoverageStatus, {
    description: 'COVERED from the cover threshold (0.8 by default), PARTIAL above 0, MISSING at 0.',
  })
  status!: CoverageStatus;
  @Field(() => MatchKind, {
    description: 'How the best evidence matched the skill; null when nothing matched.',
    nullable: true,
  })
  matchKind!: MatchKind | null;
  @Field(() => Skill, { nullable: true, description: 'The skill of the evidence that earned the credit.' })
  evidenceSkill!: Skill | null;
  @Field(() => Int, {
    nullable: true,
    description: 'Hierarchy steps between the evidence and the required skill (0 for EXACT).',
  })
  distance!: number | null;
  /** Where the credit came from; the `evidence` field loads their records only when asked for. */
  sources!: readonly EvidenceSource[];
}

@ObjectType('StatusCounts', {
  description: 'How many requirements of one relation are covered, partial and missing.',
  simpleResolvers: true,
})
export class StatusCounts {
  @Field(() => Int, { description: 'Number of requirements.' }) total!: number;
  @Field(() => Int, { description: 'Requirements with credit at or above the cover threshold.' }) covered!: number;
  @Field(() => Int, { description: 'Requirements with credit above 0 but below the cover threshold.' })
  partial!: number;
  @Field(() => Int, { description: 'Requirements with no credit.' }) missing!: number;
}

@ObjectType('CoverageCounts', {
  description: 'Requirement counts by status, for essential and optional requirements.',
  simpleResolvers: true,
})
export class CoverageCounts {
  @Field(() => StatusCounts, { description: 'Counts of the essential requirements.' }) essential!: StatusCounts;
  @Field(() => StatusCounts, { description: 'Counts of the optional requirements.' }) optional!: StatusCounts;
}

/** What one held credential adds. */
@ObjectType('CredentialContribution', {
  description: 'What one credential of the subject adds to the coverage.',
  simpleResolvers: true,
})
export class CredentialContribution {
  @Field(() => MicroCredential, { description: 'The credential.' }) credential!: MicroCredential;
  @Field(() => [Skill], { description: 'Requirements whose credit this credential helps earn.' })
  requirements!: Skill[];
  @Field(() => Float, { description: 'How much the score would drop without this credential.' }) scoreDrop!: number;
}

/** How a subject covers a target, skill by skill. */
@ObjectType('Coverage', {
  description: "How a subject covers a target's required skills, with the evidence behind every credit.",
  simpleResolvers: true,
})
export class Coverage {
  @Field(() => Float, { description: '(Σ essential credit + λ·Σ optional credit) / (#essential + λ·#optional).' })
  score!: number;
  @Field(() => Float, { description: 'Mean credit of the essential requirements, in [0, 1]; 0 when there are none.' })
  essentialCoverage!: number;
  @Field(() => Float, { description: 'Mean credit of the optional requirements, in [0, 1]; 0 when there are none.' })
  optionalCoverage!: number;
  @Field(() => CoverageCounts, { description: 'How many requirements are covered, partial and missing.' })
  counts!: CoverageCounts;
  // Backing fields, not exposed as such: computed with the scores, resolved only when asked for.
  /** Every requirement with its credit and evidence; the `requirements` field resolves its skills. */
  requirements!: CoverageResult['requirements'];
  /** Per credential of the subject; the `contributions` field resolves their credentials. */
  contributions!: CoverageResult['contributions'];
}

/** An occupation ranked for a subject. */
@ObjectType('OccupationMatch', {
  description: 'An occupation ranked for a subject, with its scores.',
  simpleResolvers: true,
})
export class OccupationMatch {
  @Field(() => Float, {
    description: 'Coverage score in [0, 1]: (Σ essential credit + λ·Σ optional credit) / (#essential + λ·#optional).',
  })
  score!: number;
  @Field(() => Float, { description: 'Mean credit of the essential requirements, in [0, 1]; 0 when there are none.' })
  essentialCoverage!: number;
  @Field(() => Float, { description: 'Mean credit of the optional requirements, in [0, 1]; 0 when there are none.' })
  optionalCoverage!: number;
  // Backing fields, not exposed: what the `occupation` and `coverage` fields need.
  occupationUri!: string;
  /** The subject's evidence, so the explanation costs nothing until asked for. */
  evidence!: SubjectEvidence;
  policy!: MatchPolicy;
}

@ObjectType('OccupationMatchConnection', {
  description: 'A page of ranked occupations (Relay cursor connection).',
  simpleResolvers: true,
})
export class OccupationMatchConnection extends ConnectionType(OccupationMatch, 'OccupationMatch') {}

/** A consenting learner ranked for a target. */
@ObjectType('CandidateMatch', {
  description:
    'A consenting learner ranked as a candidate for a target; the display name and coverage are all a portal sees.',
  simpleResolvers: true,
})
export class CandidateMatch {
  @Field(() => Float, {
    description: 'Coverage score in [0, 1]: (Σ essential credit + λ·Σ optional credit) / (#essential + λ·#optional).',
  })
  score!: number;
  @Field(() => Float, { description: 'Mean credit of the essential requirements, in [0, 1]; 0 when there are none.' })
  essentialCoverage!: number;
  @Field(() => Float, { description: 'Mean credit of the optional requirements, in [0, 1]; 0 when there are none.' })
  optionalCoverage!: number;
  // Backing fields, not exposed: what the `learner`, `displayName` and `coverage` fields need.
  learnerId!: string;
  target!: Target;
  policy!: MatchPolicy;
}

@ObjectType('CandidateMatchConnection', {
  description: 'A page of ranked candidates (Relay cursor connection).',
  simpleResolvers: true,
})
export class CandidateMatchConnection extends ConnectionType(CandidateMatch, 'CandidateMatch') {}
