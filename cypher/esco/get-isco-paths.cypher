// The chain of ISCO groups from the major group (1 digit) down to each given group, the given
// group last. ISCO-08 has four levels, so the walk is bounded by 3 hops.
// params: $codes (ISCO group codes)
// returns: ownerCode, items (list of ISCO group maps, broadest first)
UNWIND $codes AS ownerCode
MATCH (g:IscoGroup {code: ownerCode})
MATCH path = (g)-[:BROADER_ISCO*0..3]->(top:IscoGroup)
WHERE NOT (top)-[:BROADER_ISCO]->(:IscoGroup)
WITH ownerCode, path ORDER BY length(path) DESC
WITH ownerCode, head(collect(path)) AS path
RETURN ownerCode, [n IN reverse(nodes(path)) | n { .uri, .code, .preferredLabel, .description }] AS items
