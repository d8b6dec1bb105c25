import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { CheckOutcome as CheckOutcomeValue, VerificationCheckName as CheckName, VerificationStatus as StatusValue } from '../../domain/verification/verification';

/** GraphQL mirror of the domain's status union (values identical). */
export enum VerificationStatus {
  VERIFIED = 'VERIFIED',
  INVALID = 'INVALID',
  UNVERIFIABLE = 'UNVERIFIABLE',
  UNSIGNED = 'UNSIGNED',
}
registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: 'VERIFIED: signed, and every check passed. INVALID: a check failed (signature, issuer key, dates, revocation). UNVERIFIABLE: a check could not be carried out (key or status list out of reach, unsupported proof, ELM e-seal). UNSIGNED: no proof at all.',
  valuesConfig: {} as Record<StatusValue, object>,
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
registerEnumType(VerificationCheckName, { name: 'VerificationCheckName', valuesConfig: {} as Record<CheckName, object> });

/** GraphQL mirror of the domain's check outcomes. */
export enum CheckOutcome {
  PASSED = 'PASSED',
  FAILED = 'FAILED',
  UNDETERMINED = 'UNDETERMINED',
}
registerEnumType(CheckOutcome, { name: 'CheckOutcome', valuesConfig: {} as Record<CheckOutcomeValue, object> });

@ObjectType('VerificationCheck', { simpleResolvers: true, description: 'One check of a verification.' })
export class VerificationCheck {
  @Field(() => VerificationCheckName) check!: VerificationCheckName;
  @Field({ description: 'True when the check passed.' }) ok!: boolean;
  @Field(() => CheckOutcome, { description: 'UNDETERMINED: the check could not be carried out.' }) outcome!: CheckOutcome;
  @Field() message!: string;
}

@ObjectType('Verification', { simpleResolvers: true, description: 'The result of verifying a credential\'s proof, dates and status.' })
export class Verification {
  @Field(() => VerificationStatus) status!: VerificationStatus;
  @Field(() => [VerificationCheck]) checks!: VerificationCheck[];
  @Field(() => String, { nullable: true, description: 'The issuer (DID or URL) the credential names.' }) issuer!: string | null;
  @Field({ description: 'When the checks ran (ISO 8601).' }) checkedAt!: string;
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
    checks: v.checks.map((c) => ({ check: c.check as VerificationCheckName, outcome: c.outcome as CheckOutcome, ok: c.outcome === 'PASSED', message: c.message })),
    issuer: v.issuer,
    checkedAt: v.checkedAt,
  };
}
