import { describe, expect, it } from 'vitest';
import { courseIdentityKeys, courseTitleKey, courseUrlKey } from '../../../src/catalog-import/course-identity-keys';

describe('course identity keys', () => {
  it('one URL key for the same page whatever the scheme, www., case of host, trailing slash or fragment', () => {
    const key = 'url:coursera.org/learn/sql';
    for (const url of [
      'https://www.coursera.org/learn/sql',
      'http://coursera.org/learn/sql/',
      'https://WWW.Coursera.ORG/learn/sql#about',
    ])
      expect(courseUrlKey(url)).toBe(key);
    expect(courseUrlKey('https://coursera.org/learn/sql-2')).not.toBe(key);
    expect(courseUrlKey('https://coursera.org/learn?id=2')).not.toBe(courseUrlKey('https://coursera.org/learn?id=3'));
    expect(courseUrlKey('ftp://coursera.org/x')).toBeNull();
    expect(courseUrlKey('not a url')).toBeNull();
  });
  it('one title key per provider for titles differing in case, accents, punctuation and spaces', () => {
    expect(courseTitleKey('p1', 'Intro to SQL: Basics!')).toBe(courseTitleKey('p1', ' intro  to sql - basics'));
    expect(courseTitleKey('p1', 'Café Management')).toBe(courseTitleKey('p1', 'cafe management'));
    expect(courseTitleKey('p1', 'Intro to SQL')).not.toBe(courseTitleKey('p2', 'Intro to SQL'));
    expect(courseTitleKey('p1', '!!!')).toBeNull();
  });
  it('lists the URL key first', () => {
    expect(courseIdentityKeys('p1', 'SQL', 'https://x.org/sql')).toEqual(['url:x.org/sql', 'title:p1|sql']);
    expect(courseIdentityKeys('p1', 'SQL', null)).toEqual(['title:p1|sql']);
  });
});
