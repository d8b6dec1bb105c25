/**
 * A plan request's deadline counts from the moment its API call arrived, not from when its
 * resolver first ran: under load the time before the resolver is part of what the caller waits.
 */
import { describe, expect, it } from 'vitest';
import { parsePriceRates } from '../../../src/domain/planning';
import { PlanningService } from '../../../src/services/planning-service';

const rates = parsePriceRates({ date: '2025-01-31', source: 'test', base: 'EUR', rates: { USD: 1.04 } }, 'test');

/** Only `request` is exercised: it reads no collaborator but the clock. */
function service(now: number, timeLimitMs = 1_000): PlanningService {
  return new PlanningService(null as never, null as never, timeLimitMs, rates, null as never, { clock: () => now });
}

describe('PlanningService.request deadline', () => {
  it('counts the time limit from when the call arrived', () => {
    const now = 1_700_000_000_000;
    const request = service(now).request({ objective: 'HOURS' }, now - 120);
    expect(request.timeLimitMs).toBe(1_000);
    expect(request.deadline).toBe(now + 880);
  });

  it('counts from now when no arrival is given', () => {
    const now = 1_700_000_000_000;
    expect(service(now, 700).request({}).deadline).toBe(now + 700);
  });

  it('never gives more than the time limit from now (an arrival in the future is a clock skew)', () => {
    const now = 1_700_000_000_000;
    expect(service(now).request({}, now + 5_000).deadline).toBe(now + 1_000);
  });
});
