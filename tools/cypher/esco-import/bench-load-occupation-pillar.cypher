// Benchmark reference (tools/bench-import.ts): broaderRelationsOccPillar as BROADER_OCCUPATION,
// IN_ISCO_GROUP and BROADER_ISCO links.
// params: $url (file URL of the CSV), $batchSize
// returns: nothing
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  CALL (row) {
    MATCH (a:Occupation {uri: row.conceptUri}), (b:Occupation {uri: row.broaderUri})
    MERGE (a)-[:BROADER_OCCUPATION]->(b)
  }
  CALL (row) {
    MATCH (a:Occupation {uri: row.conceptUri}), (b:IscoGroup {uri: row.broaderUri})
    MERGE (a)-[:IN_ISCO_GROUP]->(b)
  }
  CALL (row) {
    MATCH (a:IscoGroup {uri: row.conceptUri}), (b:IscoGroup {uri: row.broaderUri})
    MERGE (a)-[:BROADER_ISCO]->(b)
  }
} IN TRANSACTIONS OF $batchSize ROWS
