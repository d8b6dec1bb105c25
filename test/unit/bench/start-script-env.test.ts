import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmStartDefaults, startScriptDefaults } from '../../../tools/bench/start-script-env';

/** A shell assignment with a default: `NAME=${FROM:-value}`. */
const assign = (name: string, value: string, from = name) => `${name}=\${${from}:-${value}}`;

describe('the environment npm start gives the server', () => {
  it('reads the leading assignments with a default, and stops at the command', () => {
    const script = `${assign('A_', '131072')} ${assign('B', '2')} node x.js ${assign('C', '3')}`;
    expect(startScriptDefaults(script)).toEqual({ A_: '131072', B: '2' });
    expect(startScriptDefaults('node tools/run-built.mjs dist/src/main.js')).toEqual({});
    expect(startScriptDefaults('A=1 node x.js')).toEqual({});
  });

  it('refuses a default taken from another variable', () => {
    expect(() => startScriptDefaults(`${assign('A', '1', 'B')} node x.js`)).toThrow(/another variable/);
  });

  it("package.json's start script fixes glibc's mmap threshold (the memory phase's child gets it too)", () => {
    const defaults = npmStartDefaults(path.resolve(__dirname, '..', '..', '..'));
    expect(defaults.MALLOC_MMAP_THRESHOLD_).toBe('131072');
  });
});
