// Benchmark reference (tools/bench-import.ts): the skill groups only skillsHierarchy_en.csv names
// (the deepest level of each row), created when absent, as the importer does.
// params: $url (file URL of the CSV), $batchSize
// returns: nothing
LOAD CSV WITH HEADERS FROM $url AS row
WITH row,
     CASE WHEN row.`Level 3 URI` IS NOT NULL THEN 3 WHEN row.`Level 2 URI` IS NOT NULL THEN 2
          WHEN row.`Level 1 URI` IS NOT NULL THEN 1 ELSE 0 END AS level
WITH row, [row.`Level 0 URI`, row.`Level 1 URI`, row.`Level 2 URI`, row.`Level 3 URI`][level] AS uri,
     [row.`Level 0 preferred term`, row.`Level 1 preferred term`, row.`Level 2 preferred term`, row.`Level 3 preferred term`][level] AS label,
     [row.`Level 0 code`, row.`Level 1 code`, row.`Level 2 code`, row.`Level 3 code`][level] AS code
CALL (row, uri, label, code) {
  MERGE (g:SkillGroup {uri: uri})
  ON CREATE SET g.preferredLabel = label, g.altLabels = [], g.description = row.Description, g.code = code
} IN TRANSACTIONS OF $batchSize ROWS
