// Creates placeholder ISCO groups (code and label) for groups a source only links to, so its
// occupations can be linked; existing groups keep every property.
// params: $rows (list of {uri, code, preferredLabel})
// returns: created (number of ISCO groups created)
UNWIND $rows AS row
OPTIONAL MATCH (existing:IscoGroup {uri: row.uri})
MERGE (g:IscoGroup {uri: row.uri})
ON CREATE SET g.code = row.code, g.preferredLabel = row.preferredLabel
RETURN count(CASE WHEN existing IS NULL THEN 1 END) AS created
