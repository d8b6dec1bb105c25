// Benchmark reference (tools/bench-import.ts): flags the occupations of
// researchOccupationsCollection_en.csv.
// params: $url (file URL of the CSV), $batchSize
// returns: nothing
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (o:Occupation {uri: row.conceptUri})
  SET o.research = true
} IN TRANSACTIONS OF $batchSize ROWS
