// Benchmark only (tools/bench-import.ts, on its own throwaway database): removes every ESCO node
// and relationship between the timed loads.
// params: $batchSize
// returns: nothing
MATCH (n)
WHERE n:Skill OR n:SkillGroup OR n:Occupation OR n:IscoGroup OR n:GraphMeta
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF $batchSize ROWS
