// Benchmark reference (tools/bench-import.ts): plain LOAD CSV of ISCOGroups_en.csv, the same
// nodes and properties as merge-isco-groups. Needs an auto-commit transaction (IN TRANSACTIONS).
// params: $url (file URL of the CSV), $batchSize
// returns: nothing
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (g:IscoGroup {uri: row.conceptUri})
  SET g.code = row.code, g.preferredLabel = row.preferredLabel, g.description = row.description
} IN TRANSACTIONS OF $batchSize ROWS
