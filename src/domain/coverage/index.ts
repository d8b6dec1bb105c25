/**
 * Coverage scoring: how well a subject's evidence skills cover required skills, directly or
 * through the ESCO skill hierarchy. Pure domain code; the data layer supplies requirements,
 * evidence and precomputed hierarchy links.
 */
export * from './compare-matches';
export * from './compare-strings';
export * from './coverage';
export * from './coverage-status';
export * from './evidence';
export * from './hierarchy-link';
export * from './holding-validity';
export * from './match-policy';
export * from './requirement';
export * from './score-requirements';
export * from './skill-credits';
export * from './subject-input';
export * from './orient-links';
export * from './rank-candidates';
export * from './packed-occupation-rows';
export * from './rank-occupations';
export * from './packed-candidate-evidence';
