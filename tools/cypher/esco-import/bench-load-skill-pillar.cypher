// Benchmark reference (tools/bench-import.ts): broaderRelationsSkillPillar as BROADER, IN_GROUP and
// BROADER_GROUP links, chosen by the concept and broader types, as the importer does.
// params: $url (file URL of the CSV), $batchSize
// returns: nothing
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  CALL (row) {
    MATCH (a:Skill {uri: row.conceptUri}), (b:Skill {uri: row.broaderUri})
    WHERE row.broaderType = 'KnowledgeSkillCompetence'
    MERGE (a)-[:BROADER]->(b)
  }
  CALL (row) {
    MATCH (a:Skill {uri: row.conceptUri}), (b:SkillGroup {uri: row.broaderUri})
    WHERE row.conceptType = 'KnowledgeSkillCompetence'
    MERGE (a)-[:IN_GROUP]->(b)
  }
  CALL (row) {
    MATCH (a:SkillGroup {uri: row.conceptUri}), (b:SkillGroup {uri: row.broaderUri})
    MERGE (a)-[:BROADER_GROUP]->(b)
  }
} IN TRANSACTIONS OF $batchSize ROWS
