// Benchmark reference (tools/bench-import.ts): plain LOAD CSV of skillGroups_en.csv, the same
// nodes and properties as merge-skill-groups.
// params: $url (file URL of the CSV), $batchSize
// returns: nothing
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (g:SkillGroup {uri: row.conceptUri})
  SET g.preferredLabel = row.preferredLabel,
      g.altLabels = [label IN split(coalesce(row.altLabels, ''), '\n') WHERE trim(label) <> '' | trim(label)],
      g.description = row.description,
      g.code = row.code
} IN TRANSACTIONS OF $batchSize ROWS
