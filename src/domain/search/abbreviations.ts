/**
 * Abbreviations and short forms common in job titles, with the words ESCO labels use for them.
 * Hand-written from general usage (not mined from any evaluation data), so "dev" finds developers
 * and "mgr" managers. A search counts an expansion a little below the word itself.
 */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  acct: ['accountant', 'accounting'],
  accts: ['accounts'],
  admin: ['administrator', 'administrative'],
  asst: ['assistant'],
  assoc: ['associate'],
  biz: ['business'],
  ceo: ['chief executive officer'],
  cfo: ['chief financial officer'],
  cto: ['chief technology officer'],
  coo: ['chief operating officer'],
  coord: ['coordinator'],
  cust: ['customer'],
  dept: ['department'],
  dev: ['developer', 'development'],
  devops: ['development operations', 'developer'],
  dir: ['director'],
  eng: ['engineer', 'engineering'],
  engr: ['engineer'],
  exec: ['executive'],
  fullstack: ['software developer'],
  frontend: ['web developer'],
  backend: ['software developer'],
  hr: ['human resources'],
  hrm: ['human resources manager'],
  ict: ['ict'],
  it: ['ict'],
  mgr: ['manager'],
  mgmt: ['management'],
  mktg: ['marketing'],
  ops: ['operations'],
  pm: ['project manager'],
  prog: ['programmer'],
  qa: ['quality assurance'],
  qc: ['quality control'],
  rep: ['representative'],
  sec: ['secretary'],
  snr: ['senior'],
  sr: ['senior'],
  supv: ['supervisor'],
  svc: ['service'],
  sw: ['software'],
  tech: ['technician', 'technical'],
  techn: ['technician'],
  ui: ['user interface'],
  ux: ['user experience'],
};

/**
 * What a (lower-case) word abbreviates; empty when it is not a known abbreviation.
 *
 * @example
 * expandAbbreviation('mgr') // ['manager']
 */
export function expandAbbreviation(word: string): readonly string[] {
  return Object.hasOwn(ABBREVIATIONS, word) ? ABBREVIATIONS[word]! : [];
}

// Two-word forms of the one-word terms above ("full stack" and "full-stack" are "fullstack").
const PHRASES: readonly [RegExp, string][] = [
  [/\bfull[\s-]*stack\b/giu, 'fullstack'],
  [/\bfront[\s-]*end\b/giu, 'frontend'],
  [/\bback[\s-]*end\b/giu, 'backend'],
];

/**
 * Joins the multi-word job-title terms the abbreviation table knows as one word.
 *
 * @example
 * joinPhrases('Full Stack dev') // 'fullstack dev'
 */
export function joinPhrases(text: string): string {
  return PHRASES.reduce((joined, [pattern, word]) => joined.replace(pattern, word), text);
}
