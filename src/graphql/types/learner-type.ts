import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { MicroCredential } from './micro-credential-type';
import { Verification } from './verification-type';
import { Access, ClosedByDefault } from '../access/access-policy';
import { CANDIDATE_VIEW, candidateVisibleLearnerField, learnerField } from '../access/policies';
import type { HoldingRow } from '../../db/repositories/catalog-rows';

/** A person's record: held credentials, self-declared skills, targets and matching consent. */
@ClosedByDefault()
@ObjectType('Learner', {
  description:
    'A learner with their credentials and skills. Every field is readable only by the learner, advisors the learner granted access and ADMIN.',
})
export class Learner {
  @Access(candidateVisibleLearnerField) @Field(() => ID, { description: 'Id of the learner.' }) id!: string;
  @Access(candidateVisibleLearnerField) @Field({ description: 'Name shown for the learner.' }) displayName!: string;
  @Access(learnerField)
  @Field({ description: 'Whether job portals may rank this learner as a candidate (off unless the learner consents).' })
  matchingConsent!: boolean;
  // Backing fields, not exposed: the field resolvers and access policies read them.
  /** Stored holdings; the `holdings` field resolves their credentials. */
  holdings!: HoldingRow[];
  declaredSkillUris!: string[];
  targetOccupationUris!: string[];
  /** Subjects of the advisors the learner granted access (read by the access policies). */
  advisorSubjects!: string[];
  /** Set on a learner reached as a ranked candidate: a portal then sees id and displayName. */
  [CANDIDATE_VIEW]?: boolean;
}

/** A learner's holding of a credential. */
@ObjectType('Holding', { description: 'A micro-credential a learner holds.', simpleResolvers: true })
export class Holding {
  @Field(() => MicroCredential, { description: 'The credential held.' }) credential!: MicroCredential;
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Day the credential was issued (LocalDate, YYYY-MM-DD); null when unknown.',
  })
  issuedOn!: string | null;
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'Last day the credential is valid (LocalDate, YYYY-MM-DD); null when it does not expire.',
  })
  expiresOn!: string | null;
  @Field({
    description:
      "True only when the credential document's proof was checked and verification is VERIFIED; no client can set it.",
  })
  verified!: boolean;
  @Field(() => Verification, {
    nullable: true,
    description: 'How the credential behind the holding was verified at import; null for holdings added by hand.',
  })
  verification!: Verification | null;
  @Field(() => String, {
    description: 'A URL where the award can be checked; null when none was given.',
    nullable: true,
  })
  evidenceUrl!: string | null;
  @Field({ description: 'True when expiresOn is today or earlier.' }) expired!: boolean;
}
