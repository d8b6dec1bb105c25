/**
 * GC_PARALLEL_SCAVENGE: parsed by the config, and applied to V8. V8's own trace says how many
 * tasks each young-generation collection ran, so a child process runs the real module (transpiled
 * on the fly: it imports only `node:v8`) with tracing on and allocates enough to collect a few times.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallel-scavenge-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const source = fs.readFileSync(path.join(__dirname, '../../../src/server/parallel-scavenge.ts'), 'utf8');
fs.writeFileSync(
  path.join(dir, 'parallel-scavenge.js'),
  ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } })
    .outputText,
);
// Short-lived garbage with a live set of up to 200,000 small objects: several scavenges.
fs.writeFileSync(
  path.join(dir, 'allocate.js'),
  `require('./parallel-scavenge.js').useParallelScavenge(process.argv[2] === 'on');
let keep = [];
for (let i = 0; i < 3e6; i += 1) { keep.push({ a: i, b: [i] }); if (keep.length > 2e5) keep = []; }
`,
);

/** Scavenges and scavenging tasks the child process reported. */
function traceScavenges(setting: 'on' | 'off'): { scavenges: number; tasks: number } {
  const out = execFileSync(
    process.execPath,
    ['--trace-gc', '--trace-parallel-scavenge', path.join(dir, 'allocate.js'), setting],
    { encoding: 'utf8' },
  );
  return { scavenges: out.match(/: Scavenge /g)?.length ?? 0, tasks: out.match(/ scavenge\[/g)?.length ?? 0 };
}

describe('GC_PARALLEL_SCAVENGE', () => {
  it('is on unless set, as in V8, and names itself when it is not a boolean', () => {
    expect(loadConfig({}).gcParallelScavenge).toBe(true);
    expect(loadConfig({ GC_PARALLEL_SCAVENGE: 'false' }).gcParallelScavenge).toBe(false);
    expect(() => loadConfig({ GC_PARALLEL_SCAVENGE: 'sometimes' })).toThrow(/GC_PARALLEL_SCAVENGE/);
  });

  it('off: every scavenge runs as one task, on the collecting thread', () => {
    const { scavenges, tasks } = traceScavenges('off');
    expect(scavenges).toBeGreaterThan(2);
    expect(tasks).toBe(scavenges);
  });

  it('on: scavenges split into several tasks (what the setting turns off)', () => {
    const { scavenges, tasks } = traceScavenges('on');
    expect(scavenges).toBeGreaterThan(2);
    expect(tasks).toBeGreaterThan(scavenges);
  });
});
