// Benchmark reference (tools/bench-import.ts): plain LOAD CSV of occupations_en.csv, the same nodes,
// properties and IN_ISCO_GROUP links as merge-occupations.
// params: $url (file URL of the CSV), $batchSize
// returns: nothing
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  WITH row,
       [label IN split(coalesce(row.altLabels, ''), '\n') WHERE trim(label) <> '' | trim(label)] AS alts,
       [label IN split(coalesce(row.hiddenLabels, ''), '\n') WHERE trim(label) <> '' | trim(label)] AS hidden
  MERGE (o:Occupation {uri: row.conceptUri})
  SET o.preferredLabel = row.preferredLabel,
      o.altLabels = alts,
      o.altLabelsText = reduce(text = '', label IN alts | text + CASE WHEN text = '' THEN '' ELSE '\n' END + label),
      o.hiddenLabels = hidden,
      o.hiddenLabelsText = reduce(text = '', label IN hidden | text + CASE WHEN text = '' THEN '' ELSE '\n' END + label),
      o.description = row.description,
      o.code = row.code,
      o.iscoGroupCode = row.iscoGroup,
      o.research = false,
      o.essentialCount = 0,
      o.optionalCount = 0
  WITH o, row
  MATCH (g:IscoGroup {code: row.iscoGroup})
  MERGE (o)-[:IN_ISCO_GROUP]->(g)
} IN TRANSACTIONS OF $batchSize ROWS
