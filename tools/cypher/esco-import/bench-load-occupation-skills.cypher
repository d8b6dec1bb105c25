// Benchmark reference (tools/bench-import.ts): occupationSkillRelations as REQUIRES links.
// params: $url (file URL of the CSV), $batchSize
// returns: nothing
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (o:Occupation {uri: row.occupationUri}), (s:Skill {uri: row.skillUri})
  MERGE (o)-[r:REQUIRES]->(s)
  SET r.relation = toUpper(row.relationType)
} IN TRANSACTIONS OF $batchSize ROWS
