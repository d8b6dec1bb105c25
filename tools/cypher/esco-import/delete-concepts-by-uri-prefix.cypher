// Deletes the ESCO-labelled nodes (and their relationships) whose URI starts with $prefix. Used by
// tests to remove data they wrote in a private namespace, and by tools/bench-import.ts between
// timed loads on its throwaway database. Batched, so it needs an auto-commit transaction.
// params: $prefix, $batchSize (an integer)
// returns: nothing
MATCH (n)
WHERE (n:Skill OR n:SkillGroup OR n:Occupation OR n:IscoGroup) AND n.uri STARTS WITH $prefix
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF $batchSize ROWS
