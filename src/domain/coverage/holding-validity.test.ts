import { describe, expect, it } from 'vitest';
import { BadInputError } from '../errors';
import { isHoldingValidAt } from './holding-validity';

const AS_OF = new Date('2025-01-01T00:00:00Z');

describe('isHoldingValidAt', () => {
  it.each([
    ['no dates at all', {}, true],
    ['null dates', { issuedOn: null, expiresOn: null }, true],
    ['issued before, never expires', { issuedOn: '2024-06-01' }, true],
    ['issued exactly at asOf', { issuedOn: '2025-01-01T00:00:00Z' }, true],
    ['issued one millisecond after asOf', { issuedOn: '2025-01-01T00:00:00.001Z' }, false],
    ['issued in the future', { issuedOn: new Date('2026-01-01T00:00:00Z') }, false],
    ['expires one millisecond after asOf', { expiresOn: '2025-01-01T00:00:00.001Z' }, true],
    ['expires exactly at asOf', { expiresOn: '2025-01-01' }, false],
    ['expired before asOf', { issuedOn: '2020-01-01', expiresOn: new Date('2024-12-31T23:59:59Z') }, false],
    ['valid window around asOf', { issuedOn: '2024-01-01', expiresOn: '2026-01-01' }, true],
  ])('%s', (_label, holding, expected) => {
    expect(isHoldingValidAt(holding, AS_OF)).toBe(expected);
  });

  it('rejects unparseable date strings, naming the field', () => {
    expect(() => isHoldingValidAt({ expiresOn: 'soon' }, AS_OF)).toThrow(BadInputError);
    expect(() => isHoldingValidAt({ issuedOn: 'yesterday' }, AS_OF)).toThrow(/holding\.issuedOn/);
  });

  it('rejects an invalid asOf', () => {
    expect(() => isHoldingValidAt({}, new Date(Number.NaN))).toThrow(BadInputError);
  });
});
