import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJobTitleFile, shippedJobTitlesFile, writeJobTitleFile } from '../../../src/services/search/search-files';
import { loadConfig } from '../../../src/config/config';

describe('learned job-title file', () => {
  it('writes titles grouped by occupation, normalised and most frequent first, and reads them back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'job-titles-'));
    const file = path.join(dir, 'titles.csv');
    writeJobTitleFile(file, [
      { title: 'Cook', occupationUri: 'o:cook' },
      { title: 'Chef, "Head"', occupationUri: 'o:cook' },
      { title: ' CHEF,  "head" ', occupationUri: 'o:cook' },
      { title: 'Driver', occupationUri: 'o:driver' },
    ]);
    expect(readJobTitleFile(file)).toEqual([
      { title: 'chef, "head"', occupationUri: 'o:cook' },
      { title: 'cook', occupationUri: 'o:cook' },
      { title: 'driver', occupationUri: 'o:driver' },
    ]);
  });

  it('ships a file of 1,374 occupations, replaceable by JOB_TITLES_FILE', () => {
    const shipped = readJobTitleFile(shippedJobTitlesFile());
    expect(new Set(shipped.map((t) => t.occupationUri)).size).toBe(1374);
    expect(loadConfig({}).jobTitlesFile).toBeUndefined();
    expect(loadConfig({ JOB_TITLES_FILE: shippedJobTitlesFile() }).jobTitlesFile).toBe(shippedJobTitlesFile());
  });
});
