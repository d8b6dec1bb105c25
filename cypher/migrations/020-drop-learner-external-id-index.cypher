// Migration 020: the plain index of migration 011 on Learner.externalId is replaced by the uniqueness
// constraint of migration 022 (Neo4j refuses a constraint while an equivalent index exists).
// params: none
// returns: nothing
DROP INDEX learner_external_id IF EXISTS
