// The direct narrower ISCO groups of each given group, by code (at most a few dozen per group).
// params: $codes (ISCO group codes)
// returns: ownerCode, items (list of ISCO group maps)
UNWIND $codes AS ownerCode
MATCH (g:IscoGroup {code: ownerCode})
OPTIONAL MATCH (n:IscoGroup)-[:BROADER_ISCO]->(g)
WITH ownerCode, n ORDER BY n.code
RETURN ownerCode, collect(n { .uri, .code, .preferredLabel, .description }) AS items
