import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection-type';
import { Occupation, SkillRelation } from './occupation-type';
import { Skill } from './skill-type';
import { MicroCredential } from './micro-credential-type';
import { VerificationStatus } from './verification-type';
import { Learner } from './learner-type';

export enum CoverageStatus {
  COVERED = 'COVERED',
  PARTIAL = 'PARTIAL',
  MISSING = 'MISSING',
}
registerEnumType(CoverageStatus, { name: 'CoverageStatus' });

export enum MatchKind {
  EXACT = 'EXACT',
  NARROWER = 'NARROWER',
  BROADER = 'BROADER',
}
registerEnumType(MatchKind, {
  name: 'MatchKind',
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
registerEnumType(EvidenceKind, { name: 'EvidenceKind' });

/** What gave a requirement its credit. */
@ObjectType('Evidence', { simpleResolvers: true })
export class EvidenceItem {
  @Field(() => EvidenceKind) kind!: EvidenceKind;
  @Field(() => MicroCredential, { nullable: true, description: 'For CREDENTIAL evidence: the credential (with its provider).' }) credential?: MicroCredential | null;
  @Field(() => Occupation, { nullable: true, description: 'For OCCUPATION evidence: the occupation whose essential skills were assumed.' }) occupation?: Occupation | null;
  @Field(() => VerificationStatus, {
    nullable: true,
    description: 'For CREDENTIAL evidence from a learner\'s holding: how its credential was verified; null when it was never verified or the credential is not a holding.',
  })
  holdingVerification?: VerificationStatus | null;
}

/** One required skill with the credit it earned and why. */
@ObjectType('RequirementMatch', { simpleResolvers: true })
export class RequirementMatch {
  @Field(() => Skill) skill!: Skill;
  @Field(() => SkillRelation) relation!: SkillRelation;
  @Field(() => Float) credit!: number;
  @Field(() => CoverageStatus) status!: CoverageStatus;
  @Field(() => MatchKind, { nullable: true }) matchKind!: MatchKind | null;
  @Field(() => Skill, { nullable: true, description: 'The skill of the evidence that earned the credit.' }) evidenceSkill!: Skill | null;
  @Field(() => Int, { nullable: true, description: 'Hierarchy steps between the evidence and the required skill (0 for EXACT).' }) distance!: number | null;
  @Field(() => [EvidenceItem], { description: 'Every source that earned the credit.' }) evidence!: EvidenceItem[];
}

@ObjectType('StatusCounts', { simpleResolvers: true })
export class StatusCounts {
  @Field(() => Int) total!: number;
  @Field(() => Int) covered!: number;
  @Field(() => Int) partial!: number;
  @Field(() => Int) missing!: number;
}

@ObjectType('CoverageCounts', { simpleResolvers: true })
export class CoverageCounts {
  @Field(() => StatusCounts) essential!: StatusCounts;
  @Field(() => StatusCounts) optional!: StatusCounts;
}

/** What one held credential adds. */
@ObjectType('CredentialContribution', { simpleResolvers: true })
export class CredentialContribution {
  @Field(() => MicroCredential) credential!: MicroCredential;
  @Field(() => [Skill], { description: 'Requirements whose credit this credential helps earn.' }) requirements!: Skill[];
  @Field(() => Float, { description: 'How much the score would drop without this credential.' }) scoreDrop!: number;
}

/** How a subject covers a target, skill by skill. */
@ObjectType('Coverage', { simpleResolvers: true })
export class Coverage {
  @Field(() => Float, { description: '(Σ essential credit + λ·Σ optional credit) / (#essential + λ·#optional).' }) score!: number;
  @Field(() => Float) essentialCoverage!: number;
  @Field(() => Float) optionalCoverage!: number;
  @Field(() => CoverageCounts) counts!: CoverageCounts;
}

/** An occupation ranked for a subject. */
@ObjectType('OccupationMatch', { simpleResolvers: true })
export class OccupationMatch {
  @Field(() => Occupation) occupation!: Occupation;
  @Field(() => Float) score!: number;
  @Field(() => Float) essentialCoverage!: number;
  @Field(() => Float) optionalCoverage!: number;
}

@ObjectType('OccupationMatchConnection', { simpleResolvers: true })
export class OccupationMatchConnection extends ConnectionType(OccupationMatch, 'OccupationMatch') {}

/** A consenting learner ranked for a target. */
@ObjectType('CandidateMatch', { simpleResolvers: true })
export class CandidateMatch {
  @Field(() => Learner) learner!: Learner;
  @Field() displayName!: string;
  @Field(() => Float) score!: number;
  @Field(() => Float) essentialCoverage!: number;
  @Field(() => Float) optionalCoverage!: number;
}

@ObjectType('CandidateMatchConnection', { simpleResolvers: true })
export class CandidateMatchConnection extends ConnectionType(CandidateMatch, 'CandidateMatch') {}
