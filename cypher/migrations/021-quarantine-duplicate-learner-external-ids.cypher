// Migration 021: before externalId becomes unique, identifiers held by several learners are ambiguous
// (one of them may have claimed another person's identifier): none of them is trusted. Each is moved
// to externalIdConflict for an administrator to resolve, so no import attaches to any of them.
// Idempotent: without duplicates it changes nothing.
// params: none
// returns: quarantined (number of learners whose identifier was moved)
MATCH (l:Learner) WHERE l.externalId IS NOT NULL
WITH l.externalId AS externalId, collect(l) AS holders
WHERE size(holders) > 1
UNWIND holders AS l
SET l.externalIdConflict = externalId
REMOVE l.externalId
RETURN count(l) AS quarantined
