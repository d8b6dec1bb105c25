import { Field, ObjectType } from 'type-graphql';
import { MicroCredential } from './micro-credential-type';
import { Provider } from './provider-type';
import { Learner } from './learner-type';
import { Verification } from './verification-type';

/** What `importCredential` created or updated. */
@ObjectType('CredentialImportResult', {
  simpleResolvers: true,
  description: 'The outcome of importing one credential document.',
})
export class CredentialImportResult {
  @Field(() => MicroCredential, {
    description: 'The micro-credential the document describes, with its DECLARED ESCO skills.',
  })
  credential!: MicroCredential;
  @Field({
    description:
      'True when the micro-credential is new; false when an earlier import of the same achievement was updated.',
  })
  created!: boolean;
  @Field(() => Provider, { description: 'The issuer.' })
  provider!: Provider;
  @Field({ description: 'True when the issuer was not known before.' })
  providerCreated!: boolean;
  @Field(() => Learner, {
    nullable: true,
    description: 'The holder of an issued credential; null for a bare achievement or badge class.',
  })
  learner!: Learner | null;
  @Field({ description: "True when no learner had the holder's identifier and one was created." })
  learnerCreated!: boolean;
  @Field({ description: 'OB2, OB3 or ELM.' })
  format!: string;
  @Field(() => [String], { description: 'What was ignored or repaired: non-ESCO alignments, unusable fields.' })
  warnings!: string[];
  @Field(() => Verification, {
    description: "The check of the document's proof, dates and status; the holding stores it.",
  })
  verification!: Verification;
}

@ObjectType('ImportError', {
  simpleResolvers: true,
  description: 'Why one credential of a presentation was not imported.',
})
export class ImportError {
  @Field({ description: 'The stable error code (BAD_USER_INPUT, NOT_FOUND, ...).' }) code!: string;
  @Field({ description: 'Human-readable reason.' }) message!: string;
}

@ObjectType('PresentationItemResult', {
  simpleResolvers: true,
  description: 'One credential of a verifiable presentation: imported, or why not.',
})
export class PresentationItemResult {
  @Field({ description: "Position in the presentation's verifiableCredential list, from 0." }) index!: number;
  @Field(() => CredentialImportResult, {
    description: 'The import result; null when the credential was not imported.',
    nullable: true,
  })
  result!: CredentialImportResult | null;
  @Field(() => ImportError, { description: 'Why the credential was not imported; null when it was.', nullable: true })
  error!: ImportError | null;
}
