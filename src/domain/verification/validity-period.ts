import { failed, passed, type VerificationCheck } from './verification';

/** The validity window a credential states, in any of its encodings. */
export interface ValidityPeriod {
  /** VC 2.0 `validFrom`, VC 1.1 `issuanceDate`, or a JWT's `nbf`. */
  readonly validFrom?: string;
  /** VC 2.0 `validUntil`, VC 1.1 `expirationDate`, or a JWT's `exp`. */
  readonly validUntil?: string;
}

/**
 * Reads the validity window from a credential object: `validFrom`/`validUntil` (VC 2.0) win over
 * `issuanceDate`/`expirationDate` (VC 1.1). Non-string values are returned as given so that
 * {@link checkValidityPeriod} can report them as malformed.
 */
export function readValidityPeriod(credential: Readonly<Record<string, unknown>>): ValidityPeriod {
  const from = credential.validFrom ?? credential.issuanceDate;
  const until = credential.validUntil ?? credential.expirationDate;
  return {
    ...(from === undefined ? {} : { validFrom: from as string }),
    ...(until === undefined ? {} : { validUntil: until as string }),
  };
}

/**
 * VALID_FROM and VALID_UNTIL checks at `now`. An absent bound passes (the credential states no
 * limit); an unparsable one fails, since a signed but meaningless date cannot be honoured.
 *
 * @example
 * checkValidityPeriod({ validUntil: '2011-01-01T00:00:00Z' }, new Date('2025-01-01'))
 * // → [passed VALID_FROM, failed VALID_UNTIL 'the credential expired on 2011-01-01T00:00:00Z']
 */
export function checkValidityPeriod(period: ValidityPeriod, now: Date): VerificationCheck[] {
  const checks: VerificationCheck[] = [];
  const from = parseDate(period.validFrom);
  if (period.validFrom === undefined) checks.push(passed('VALID_FROM', 'no start of validity stated'));
  else if (from === null)
    checks.push(failed('VALID_FROM', `the start of validity ${JSON.stringify(period.validFrom)} is not a date`));
  else if (from.getTime() > now.getTime())
    checks.push(failed('VALID_FROM', `the credential is not valid before ${period.validFrom}`));
  else checks.push(passed('VALID_FROM', `valid since ${period.validFrom}`));

  const until = parseDate(period.validUntil);
  if (period.validUntil === undefined) checks.push(passed('VALID_UNTIL', 'no expiry stated'));
  else if (until === null)
    checks.push(failed('VALID_UNTIL', `the expiry ${JSON.stringify(period.validUntil)} is not a date`));
  else if (until.getTime() <= now.getTime())
    checks.push(failed('VALID_UNTIL', `the credential expired on ${period.validUntil}`));
  else checks.push(passed('VALID_UNTIL', `valid until ${period.validUntil}`));
  return checks;
}

// XML Schema dateTime as VC uses it; a bare date is accepted as midnight UTC.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function parseDate(value: unknown): Date | null {
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
