/** The in-memory read model for scoring (pure: the loader and the live model are in services). */
export { Interner } from './interner';
export { SkillHierarchy } from './skill-hierarchy';
export { changeScopeOf, MAX_CHANGE_IDS, type ChangeScope, type WriteCall } from './change-scope';
export type { BroaderRow, CredentialRow, HoldingRow, LearnerRow, OccupationRow, PostingRow } from './read-model-rows';
export {
  ReadModel,
  type LearnerEvidence,
  type ReadModelCounts,
  type TargetRequirements,
} from './read-model';
