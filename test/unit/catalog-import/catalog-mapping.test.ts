import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCatalogMapping, resolveColumns } from '../../../src/catalog-import/catalog-mapping';
import { passesFilter, readCourseRow, RowRejection } from '../../../src/catalog-import/course-row';

const MAPPINGS_DIR = path.resolve(__dirname, '../../../tools/catalog-mappings');

describe('parseCatalogMapping', () => {
  it('accepts the shipped mappings', () => {
    for (const file of fs.readdirSync(MAPPINGS_DIR)) {
      const mapping = parseCatalogMapping(JSON.parse(fs.readFileSync(path.join(MAPPINGS_DIR, file), 'utf8')));
      expect(mapping.columns.title, file).toBeDefined();
      expect(mapping.columns.skills, file).toBeDefined();
    }
  });

  it('refuses unknown fields and keys, naming them', () => {
    expect(() => parseCatalogMapping({ columns: { titel: 'x' } })).toThrow(/unknown field "titel"/);
    expect(() => parseCatalogMapping({ colums: {} })).toThrow(/unknown key\(s\) colums/);
    expect(() => parseCatalogMapping({ hoursPerWeek: 0 })).toThrow(/hoursPerWeek/);
    expect(() => parseCatalogMapping({ defaults: { participationForm: 'REMOTE' } })).toThrow(/participationForm/);
  });
});

describe('resolveColumns', () => {
  it('uses columns named like the fields when the mapping names none', () => {
    expect(resolveColumns(parseCatalogMapping({}), ['Title', 'URL', 'Skills', 'Rating'])).toEqual({
      title: 'Title',
      url: 'URL',
      skills: 'Skills',
    });
  });

  it('names the mapped columns the CSV lacks', () => {
    expect(() =>
      resolveColumns(parseCatalogMapping({ columns: { title: 'course', hours: 'length' } }), ['course']),
    ).toThrow(/no column "length" \(for hours\)/);
    expect(() => resolveColumns(parseCatalogMapping({}), ['name'])).toThrow(/no title column/);
  });
});

describe('readCourseRow', () => {
  const mapping = parseCatalogMapping({
    columns: {
      title: 'Title',
      provider: 'Site',
      skills: 'Skills',
      hours: 'Duration',
      language: 'Language',
      price: 'Price',
    },
    defaults: { participationForm: 'ONLINE', currency: 'EUR' },
    filter: { column: 'Site', values: ['Coursera'] },
  });
  const columns = resolveColumns(mapping, ['Title', 'Site', 'Skills', 'Duration', 'Language', 'Price']);

  it('reads a row through the mapping, with defaults', () => {
    const course = readCourseRow(
      7,
      {
        Title: ' Intro to SQL ',
        Site: 'Coursera',
        Skills: 'SQL, Databases, ',
        Duration: 'Approx. 13 hours to complete',
        Language: 'English',
        Price: '49',
      },
      columns,
      mapping,
    );
    expect(course).toMatchObject({
      row: 7,
      title: 'Intro to SQL',
      providerName: 'Coursera',
      tags: ['SQL', 'Databases'],
      workloadHours: 13,
      languages: ['en'],
      price: { amount: 49, currency: 'EUR' },
      participationForm: 'ONLINE',
      warnings: [],
    });
  });

  it('keeps the row when a field is unreadable, noting it; refuses a row without a title', () => {
    const course = readCourseRow(
      1,
      { Title: 'X', Site: 'Coursera', Skills: '', Duration: '', Language: 'Klingon', Price: 'None' },
      columns,
      mapping,
    );
    expect(course.languages).toEqual([]);
    expect(course.warnings).toEqual(['unknown language "Klingon"']);
    expect(() => readCourseRow(2, { Title: 'None', Site: 'Coursera' }, columns, mapping)).toThrow(RowRejection);
  });

  it('applies the filter', () => {
    expect(passesFilter({ Site: 'Coursera' }, mapping)).toBe(true);
    expect(passesFilter({ Site: 'Udacity' }, mapping)).toBe(false);
  });
});
