// Benchmark reference (tools/bench-import.ts): skillSkillRelations as RELATED_SKILL links.
// params: $url (file URL of the CSV), $batchSize
// returns: nothing
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (a:Skill {uri: row.originalSkillUri}), (b:Skill {uri: row.relatedSkillUri})
  MERGE (a)-[r:RELATED_SKILL]->(b)
  SET r.relation = toUpper(row.relationType)
} IN TRANSACTIONS OF $batchSize ROWS
