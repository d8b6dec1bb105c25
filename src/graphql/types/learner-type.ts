import { Field, ID, ObjectType } from 'type-graphql';
import { MicroCredential } from './micro-credential-type';
import { Verification } from './verification-type';

/** A person's record: held credentials, self-declared skills, targets and matching consent. */
@ObjectType('Learner', { description: 'A learner with their credentials and skills. Every field is readable only by the learner, advisors the learner granted access and ADMIN.' })
export class Learner {
  @Field(() => ID, { description: 'Id of the learner.' }) id!: string;
  @Field({ description: 'Name shown for the learner.' }) displayName!: string;
  @Field({ description: 'Whether job portals may rank this learner as a candidate (off unless the learner consents).' }) matchingConsent!: boolean;
}

/** A learner's holding of a credential. */
@ObjectType('Holding', { description: 'A micro-credential a learner holds.', simpleResolvers: true })
export class Holding {
  @Field(() => MicroCredential, { description: 'The credential held.' }) credential!: MicroCredential;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) issuedOn!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; null when it does not expire.' }) expiresOn!: string | null;
  @Field({ description: 'True only when the credential document\'s proof was checked and verification is VERIFIED; no client can set it.' }) verified!: boolean;
  @Field(() => Verification, { nullable: true, description: 'How the credential behind the holding was verified at import; null for holdings added by hand.' })
  verification!: Verification | null;
  @Field(() => String, { description: 'A URL where the award can be checked; null when none was given.', nullable: true }) evidenceUrl!: string | null;
  @Field({ description: 'True when expiresOn is today or earlier.' }) expired!: boolean;
}
