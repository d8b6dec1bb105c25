/**
 * A compute worker whose plans never end by themselves, for the compute pool's runaway guard: it
 * reports a heuristic answer at once, then keeps its thread busy for ten seconds whatever the
 * deadline. Other tasks (the warm-up) answer at once.
 */
const { threadId } = require('node:worker_threads');

const footer = {
  threadId,
  memory: { heapUsedBytes: 0, heapTotalBytes: 0, solverBytes: 0 },
  solverRecycled: false,
  heapCollections: 0,
};

module.exports = async function runawayComputeWorker(task) {
  if (task.kind !== 'planning') return { kind: task.kind, ...footer };
  task.fallbacks.postMessage('started');
  task.fallbacks.postMessage({ kind: 'input', input: { from: 'the heuristic answer' } });
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    // a search that ignores its clock
  }
  return { kind: 'planning', result: { kind: 'input', input: { from: 'the runaway search' } }, ...footer };
};
