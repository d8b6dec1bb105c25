import { DateTimeResolver } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type {
  CheckOutcome as CheckOutcomeValue,
  VerificationCheckName as CheckName,
  VerificationStatus as StatusValue,
} from '../../domain/verification/verification';

/** GraphQL mirror of the domain's status union (values identical). */
export enum VerificationStatus {
  VERIFIED = 'VERIFIED',
  INVALID = 'INVALID',
  UNVERIFIABLE = 'UNVERIFIABLE',
  UNSIGNED = 'UNSIGNED',
}
registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description:
    'VERIFIED: signed, and every check passed. INVALID: a check failed (signature, issuer key, dates, revocation). UNVERIFIABLE: a check could not be carried out (key or status list out of reach, unsupported proof, ELM e-seal). UNSIGNED: no proof at all.',
  valuesConfig: {
    VERIFIED: { description: "Signed, and every check passed (or an administrator's ATTESTATION)." },
    INVALID: { description: 'A check failed: signature, issuer key, dates or revocation.' },
    UNVERIFIABLE: {
      description: 'A check could not be carried out: key or status list out of reach, unsupported proof, ELM e-seal.',
    },
    UNSIGNED: { description: 'The document carries no proof at all.' },
  } satisfies Record<StatusValue, object>,
});

/** GraphQL mirror of the domain's check names. */
export enum VerificationCheckName {
  FORMAT = 'FORMAT',
  CONTEXT = 'CONTEXT',
  ISSUER_KEY = 'ISSUER_KEY',
  SIGNATURE = 'SIGNATURE',
  ISSUER = 'ISSUER',
  VALID_FROM = 'VALID_FROM',
  VALID_UNTIL = 'VALID_UNTIL',
  STATUS = 'STATUS',
  ATTESTATION = 'ATTESTATION',
}
registerEnumType(VerificationCheckName, {
  name: 'VerificationCheckName',
  description: 'The checks a verification may run, each reported once at most.',
  valuesConfig: {
    FORMAT: { description: 'The envelope is a credential in a form the verifier knows (JSON-LD, VC-JWT).' },
    CONTEXT: { description: 'Every JSON-LD context comes from the bundled, offline set.' },
    ISSUER_KEY: { description: "The issuer's public key could be obtained (did:key, did:web, JWKS)." },
    SIGNATURE: { description: 'The signature over the document verifies with that key.' },
    ISSUER: { description: "The key belongs to the credential's issuer." },
    VALID_FROM: { description: 'The credential is already valid (validFrom, issuanceDate or nbf).' },
    VALID_UNTIL: { description: 'The credential has not expired (validUntil, expirationDate or exp).' },
    STATUS: { description: "No revocation or suspension bit is set in the issuer's status list." },
    ATTESTATION: {
      description:
        'An administrator vouched for the holding after checking it outside credgraph; no proof was checked.',
    },
  } satisfies Record<CheckName, object>,
});

/** GraphQL mirror of the domain's check outcomes. */
export enum CheckOutcome {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  UNDETERMINED = 'UNDETERMINED',
}
registerEnumType(CheckOutcome, {
  name: 'CheckOutcome',
  description: 'What one check found.',
  valuesConfig: {
    PASSED: { description: 'The check passed.' },
    FAILED: { description: 'The check failed: the credential is INVALID.' },
    UNDETERMINED: {
      description:
        'The check could not be carried out (key or status list out of reach, unsupported proof): the credential is UNVERIFIABLE unless another check failed.',
    },
  } satisfies Record<CheckOutcomeValue, object>,
});

@ObjectType('VerificationCheck', { simpleResolvers: true, description: 'One check of a verification.' })
export class VerificationCheck {
  @Field(() => VerificationCheckName, { description: 'Which check this is.' }) check!: VerificationCheckName;
  @Field({ description: 'True when the check passed.' }) ok!: boolean;
  @Field(() => CheckOutcome, { description: 'UNDETERMINED: the check could not be carried out.' })
  outcome!: CheckOutcome;
  @Field({ description: 'What the check found, in English.' }) message!: string;
}

@ObjectType('Verification', {
  simpleResolvers: true,
  description: "The result of verifying a credential's proof, dates and status.",
})
export class Verification {
  @Field(() => VerificationStatus, { description: 'The overall verdict.' }) status!: VerificationStatus;
  @Field(() => [VerificationCheck], { description: 'Every check carried out, in order.' }) checks!: VerificationCheck[];
  @Field(() => String, { nullable: true, description: 'The issuer (DID or URL) the credential names.' }) issuer!:
    | string
    | null;
  @Field(() => DateTimeResolver, { description: 'When the checks ran (RFC 3339 date-time, UTC).' }) checkedAt!: string;
}

/** Shapes a domain verification for GraphQL (adds `ok`). */
export function toVerificationType(v: {
  status: StatusValue;
  checks: readonly { check: CheckName; outcome: CheckOutcomeValue; message: string }[];
  issuer: string | null;
  checkedAt: string;
}): Verification {
  return {
    status: v.status as VerificationStatus,
    checks: v.checks.map((c) => ({
      check: c.check as VerificationCheckName,
      outcome: c.outcome as CheckOutcome,
      ok: c.outcome === 'PASSED',
      message: c.message,
    })),
    issuer: v.issuer,
    checkedAt: v.checkedAt,
  };
}
