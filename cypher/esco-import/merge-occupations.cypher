// Upserts occupations by URI and links each to the ISCO group of its iscoGroupCode. The REQUIRES
// counts start at 0 for new nodes and are recomputed from the graph by update-occupation-counts.
// A null hiddenLabels or research keeps the stored value (the ESCO API does not publish them).
// params: $rows (list of {i, uri, preferredLabel, altLabels, altLabelsText, hiddenLabels, hiddenLabelsText, description, code, iscoGroupCode, research})
// returns: i for every row whose iscoGroupCode names no IscoGroup (the occupation is written, unlinked)
UNWIND $rows AS row
MERGE (o:Occupation {uri: row.uri})
SET o.preferredLabel = row.preferredLabel,
    o.altLabels = row.altLabels,
    o.altLabelsText = row.altLabelsText,
    o.hiddenLabels = coalesce(row.hiddenLabels, o.hiddenLabels, []),
    o.hiddenLabelsText = coalesce(row.hiddenLabelsText, o.hiddenLabelsText, ''),
    o.description = row.description,
    o.code = row.code,
    o.iscoGroupCode = row.iscoGroupCode,
    o.research = coalesce(row.research, o.research, false),
    o.essentialCount = coalesce(o.essentialCount, 0),
    o.optionalCount = coalesce(o.optionalCount, 0)
WITH o, row
OPTIONAL MATCH (g:IscoGroup {code: row.iscoGroupCode})
FOREACH (_ IN CASE WHEN g IS NULL THEN [] ELSE [1] END | MERGE (o)-[:IN_ISCO_GROUP]->(g))
WITH row, g
WHERE row.iscoGroupCode IS NOT NULL AND g IS NULL
RETURN row.i AS i
