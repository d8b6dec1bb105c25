/**
 * Synthetic populations over the ESCO graph for benchmarks and tests: providers, micro-credentials,
 * learners and job postings, reproducible from a seed and removable by their id prefix.
 */
export { Random, deriveSeed, randomFor } from './random';
export { addDays, daysBetween } from './calendar-days';
export {
  buildSampleSpace,
  pickOccupation,
  MIN_OCCUPATION_SKILLS,
  type SampleOccupation,
  type SampleSpace,
} from './sample-space';
export {
  DEFAULT_PREFIX,
  DEFAULT_PREREQUISITE_SHARE,
  PopulationOptionsError,
  defaultProviderCount,
  populationIds,
  resolvePopulationOptions,
  type PopulationOptions,
  type PopulationOptionsInput,
} from './population-options';
export { sampleProvider, type GeneratedProvider } from './sample-provider';
export { sampleCredential, CREDENTIAL_LIMITS, type GeneratedCredential } from './sample-credential';
export {
  sampleLearner,
  indexCredentials,
  LEARNER_LIMITS,
  type GeneratedLearner,
  type CredentialIndex,
} from './sample-learner';
export { samplePosting, portalId, PORTALS, POSTING_LIMITS, type GeneratedPosting } from './sample-posting';
export {
  PopulationRepository,
  populationMetaKey,
  type PopulationCounts,
  type PopulationMeta,
} from './population-repository';
export {
  DEFAULT_GENERATE_BATCH_SIZE,
  GENERATOR_VERSION,
  GenerateError,
  assertEscoLoaded,
  generatePopulation,
  loadSampleSpace,
  resizeLearners,
  wipePopulation,
  type GenerateRunOptions,
  type GenerateSummary,
  type ResizeSummary,
} from './generate-population';
export {
  consoleGenerateProgress,
  silentGenerateProgress,
  LineGenerateProgress,
  TtyGenerateProgress,
  type GenerateProgress,
} from './generate-progress';
