// Benchmark reference (tools/bench-import.ts): adds collection $collection to the skills listed in
// one *SkillsCollection_en.csv file.
// params: $url (file URL of the CSV), $collection, $batchSize
// returns: nothing
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (s:Skill {uri: row.conceptUri})
  SET s.collections = s.collections + $collection
} IN TRANSACTIONS OF $batchSize ROWS
