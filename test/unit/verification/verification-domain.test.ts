import { describe, expect, it } from 'vitest';
import {
  concludeVerification,
  failed,
  MAX_CHECK_MESSAGE_CHARS,
  passed,
  undetermined,
} from '../../../src/domain/verification/verification';
import { checkValidityPeriod, readValidityPeriod } from '../../../src/domain/verification/validity-period';
import { MAX_STATUS_LIST_BYTES, readStatusBit, readStatusEntries } from '../../../src/domain/verification/status-list';
import { credentialsOfPresentation, MAX_PRESENTATION_CREDENTIALS } from '../../../src/domain/verification/presentation';
import { encodeStatusList } from '../../support/vc-signing';
import { gzipSync } from 'node:zlib';

const at = '2026-06-01T00:00:00.000Z';

describe('concludeVerification', () => {
  it('FAILED wins over everything, then UNSIGNED, then UNDETERMINED; VERIFIED needs a signature and all checks passed', () => {
    const conclude = (signed: boolean, ...checks: ReturnType<typeof passed>[]) =>
      concludeVerification({ signed, checks, issuer: null, checkedAt: at }).status;
    expect(conclude(true, passed('SIGNATURE', ''), failed('VALID_UNTIL', ''))).toBe('INVALID');
    expect(conclude(false, failed('VALID_UNTIL', ''))).toBe('INVALID');
    expect(conclude(false, passed('FORMAT', ''))).toBe('UNSIGNED');
    expect(conclude(true, passed('SIGNATURE', ''), undetermined('STATUS', ''))).toBe('UNVERIFIABLE');
    expect(conclude(true)).toBe('UNVERIFIABLE');
    expect(conclude(true, passed('SIGNATURE', ''), passed('STATUS', ''))).toBe('VERIFIED');
  });
});

describe('checkValidityPeriod', () => {
  const now = new Date(at);
  it('reads VC 2.0 names before VC 1.1 ones and checks both bounds', () => {
    expect(readValidityPeriod({ validFrom: 'a', issuanceDate: 'b', expirationDate: 'c' })).toEqual({
      validFrom: 'a',
      validUntil: 'c',
    });
    const outcomes = (from?: string, until?: string) =>
      checkValidityPeriod({ ...(from ? { validFrom: from } : {}), ...(until ? { validUntil: until } : {}) }, now).map(
        (c) => c.outcome,
      );
    expect(outcomes()).toEqual(['PASSED', 'PASSED']);
    expect(outcomes('2026-07-01T00:00:00Z')).toEqual(['FAILED', 'PASSED']);
    expect(outcomes(undefined, '2026-06-01T00:00:00Z')).toEqual(['PASSED', 'FAILED']); // expiry at now: expired
    expect(outcomes('yesterday', 'not a date')).toEqual(['FAILED', 'FAILED']);
  });
});

describe('status lists', () => {
  it('reads the bits the Digital Bazaar bitstring library encodes (both list kinds)', async () => {
    const encoded = await encodeStatusList([0, 9, 131_071]);
    for (const [kind, text] of [
      ['StatusList2021', encoded],
      ['BitstringStatusList', `u${encoded}`],
    ] as const) {
      expect([0, 1, 8, 9, 10, 131_071].map((i) => readStatusBit(text, i, kind))).toEqual([
        true,
        false,
        false,
        true,
        false,
        true,
      ]);
    }
    expect(() => readStatusBit(encoded, 131_072, 'StatusList2021')).toThrow(/beyond/);
    expect(() => readStatusBit('not base64!', 1, 'StatusList2021')).toThrow(/base64url/);
  });

  it('refuses a list that inflates beyond the limit (gzip bomb)', () => {
    const bomb = gzipSync(Buffer.alloc(MAX_STATUS_LIST_BYTES + 1)).toString('base64url');
    expect(() => readStatusBit(bomb, 1, 'StatusList2021')).toThrow(/GZIP data within/);
  });

  it('parses entries and reports the ones it cannot check', () => {
    const { entries, unsupported } = readStatusEntries([
      {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '42',
        statusListCredential: 'https://x/1',
      },
      {
        type: 'StatusList2021Entry',
        statusPurpose: 'suspension',
        statusListIndex: 7,
        statusListCredential: 'https://x/2',
      },
      { type: 'CredentialStatusList2017', id: 'https://x/3' },
      {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: '-1',
        statusListCredential: 'https://x/1',
      },
    ]);
    expect(entries).toEqual([
      { kind: 'BitstringStatusList', listUrl: 'https://x/1', index: 42, purpose: 'revocation' },
      { kind: 'StatusList2021', listUrl: 'https://x/2', index: 7, purpose: 'suspension' },
    ]);
    expect(unsupported).toHaveLength(2);
  });
});

describe('credentialsOfPresentation', () => {
  it('lists the credentials of a JSON-LD presentation, a VP-JWT and a CLR; null for a credential', () => {
    expect(credentialsOfPresentation({ type: ['VerifiableCredential'] })).toBeNull();
    expect(
      credentialsOfPresentation({ type: 'VerifiablePresentation', verifiableCredential: [{ a: 1 }, 'x.y.z'] }),
    ).toEqual([{ a: 1 }, 'x.y.z']);
    const payload = Buffer.from(
      JSON.stringify({ vp: { type: ['VerifiablePresentation'], verifiableCredential: ['a.b.c'] } }),
    ).toString('base64url');
    expect(credentialsOfPresentation(`e30.${payload}.sig`)).toEqual(['a.b.c']);
    expect(
      credentialsOfPresentation({
        type: ['VerifiableCredential', 'ClrCredential'],
        credentialSubject: { verifiableCredential: [{ b: 2 }] },
      }),
    ).toEqual([{ b: 2 }]);
    expect(
      credentialsOfPresentation({
        type: 'VerifiablePresentation',
        verifiableCredential: [{ type: 'EnvelopedVerifiableCredential', id: 'data:application/vc+jwt,h.p.s' }],
      }),
    ).toEqual(['h.p.s']);
  });

  it('rejects an empty or oversized presentation', () => {
    expect(() => credentialsOfPresentation({ type: 'VerifiablePresentation' })).toThrow(/no verifiableCredential/);
    const many = Array.from({ length: MAX_PRESENTATION_CREDENTIALS + 1 }, () => ({}));
    expect(() => credentialsOfPresentation({ type: 'VerifiablePresentation', verifiableCredential: many })).toThrow(
      /at most/,
    );
  });
});

describe('check messages', () => {
  it('caps a check message that quotes a huge value from the document', () => {
    const message = `the expiry "${'X'.repeat(200_000)}" is not a date`;
    const capped = failed('VALID_UNTIL', message);
    expect(capped.message.length).toBeLessThanOrEqual(MAX_CHECK_MESSAGE_CHARS);
    expect(capped.message).toMatch(new RegExp(`^the expiry "X+… \\(${message.length} characters in all\\)$`));
    expect(message.length).toBe(200_027);
    expect(undetermined('STATUS', 'short').message).toBe('short');
    expect(passed('FORMAT', 'y'.repeat(MAX_CHECK_MESSAGE_CHARS)).message).toHaveLength(MAX_CHECK_MESSAGE_CHARS);
  });
});
