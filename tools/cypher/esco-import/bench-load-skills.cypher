// Benchmark reference (tools/bench-import.ts): plain LOAD CSV of skills_en.csv, the same nodes and
// properties as merge-skills (label keys without whitespace collapsing, which Cypher cannot do).
// Collections start empty and are added by bench-load-skill-collection.
// params: $url (file URL of the CSV), $batchSize
// returns: nothing
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  WITH row,
       [label IN split(coalesce(row.altLabels, ''), '\n') WHERE trim(label) <> '' | trim(label)] AS alts,
       [label IN split(coalesce(row.hiddenLabels, ''), '\n') WHERE trim(label) <> '' | trim(label)] AS hidden
  MERGE (s:Skill {uri: row.conceptUri})
  SET s.preferredLabel = row.preferredLabel,
      s.altLabels = alts,
      s.altLabelsText = reduce(text = '', label IN alts | text + CASE WHEN text = '' THEN '' ELSE '\n' END + label),
      s.hiddenLabels = hidden,
      s.hiddenLabelsText = reduce(text = '', label IN hidden | text + CASE WHEN text = '' THEN '' ELSE '\n' END + label),
      s.labelKeys = [label IN [row.preferredLabel] + alts | toLower(trim(label))],
      s.description = row.description,
      s.skillType = row.skillType,
      s.reuseLevel = row.reuseLevel,
      s.collections = []
} IN TRANSACTIONS OF $batchSize ROWS
