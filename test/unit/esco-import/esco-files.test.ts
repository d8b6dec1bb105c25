import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectEscoFile, ESCO_FILES, escoFileSpec, resolveEscoFiles } from '../../../src/esco/import/esco-files';
import { EscoImportError } from '../../../src/esco/import/esco-import-error';

const REQUIRED_V11 = [
  'ISCOGroups_en.csv',
  'skillGroups_en.csv',
  'skills_en.csv',
  'occupations_en.csv',
  'broaderRelationsSkillPillar.csv',
  'broaderRelationsOccPillar.csv',
  'skillSkillRelations.csv',
  'occupationSkillRelations.csv',
];

const dirs: string[] = [];
function folder(names: readonly string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'esco-files-'));
  dirs.push(dir);
  for (const name of names) fs.writeFileSync(path.join(dir, name), 'x\n');
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('detectEscoFile', () => {
  const relations = escoFileSpec('occupationSkillRelations');

  it('accepts the v1.1.x name without _en', () => {
    expect(detectEscoFile(relations, ['occupationSkillRelations.csv'])).toBe('occupationSkillRelations.csv');
  });

  it('accepts the v1.2.x name with _en', () => {
    expect(detectEscoFile(relations, ['occupationSkillRelations_en.csv'])).toBe('occupationSkillRelations_en.csv');
  });

  it('ignores case and returns the name as found', () => {
    expect(detectEscoFile(escoFileSpec('iscoGroups'), ['iscogroups_EN.csv'])).toBe('iscogroups_EN.csv');
  });

  it('finds nothing for unrelated files', () => {
    expect(detectEscoFile(relations, ['skills_en.csv'])).toBeUndefined();
  });
});

describe('resolveEscoFiles', () => {
  it('resolves a v1.1.1 folder and lists absent optional files', () => {
    const resolved = resolveEscoFiles(folder(REQUIRED_V11));
    expect(resolved.files.get('skillSkillRelations')?.name).toBe('skillSkillRelations.csv');
    expect(resolved.missingOptional.map((spec) => spec.key)).toContain('greenSkills');
  });

  it('detects the name per file, so v1.1 and v1.2 names can mix', () => {
    const names = REQUIRED_V11.map((name) =>
      name === 'skillSkillRelations.csv' ? 'skillSkillRelations_en.csv' : name,
    );
    expect(resolveEscoFiles(folder(names)).files.get('skillSkillRelations')?.name).toBe('skillSkillRelations_en.csv');
  });

  it('names every missing required file with both accepted names', () => {
    const dir = folder(
      REQUIRED_V11.filter((name) => name !== 'occupationSkillRelations.csv' && name !== 'skills_en.csv'),
    );
    let error: unknown;
    try {
      resolveEscoFiles(dir);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EscoImportError);
    const message = (error as Error).message;
    expect(message).toContain('occupationSkillRelations.csv or occupationSkillRelations_en.csv');
    expect(message).toContain('skills_en.csv');
    expect(message).not.toContain('broaderRelationsOccPillar');
  });

  it('reports an unreadable folder', () => {
    expect(() => resolveEscoFiles(path.join(os.tmpdir(), 'no-such-esco-folder-x'))).toThrow(/cannot be read/);
  });

  it('knows every required file of the release', () => {
    expect(
      ESCO_FILES.filter((spec) => spec.required)
        .map((spec) => spec.names[0])
        .sort(),
    ).toEqual([...REQUIRED_V11].sort());
  });
});
