/**
 * fast-check with every `fc.assert` run `PROPERTY_RUN_FACTOR` times (default 20) as often as its
 * test asks. The property-stress configuration points every other import of `fast-check` here, so the suites run
 * unchanged: a property that fails on one random input in thousands (a planner bug did, once in
 * about 10,000 catalogues) fails here in minutes rather than once in a hundred CI runs.
 */
import * as fastCheck from 'fast-check';

const fc = fastCheck.default ?? fastCheck;
const factor = Number(process.env.PROPERTY_RUN_FACTOR ?? 20);
if (!Number.isInteger(factor) || factor < 1) {
  throw new Error(`PROPERTY_RUN_FACTOR must be a positive integer, got ${process.env.PROPERTY_RUN_FACTOR}`);
}

/** `fc.assert` with `numRuns` (fast-check's default 100 when unset) times the factor. */
function assert(property, params = {}) {
  return fc.assert(property, { ...params, numRuns: (params.numRuns ?? 100) * factor });
}

export default { ...fc, assert };
