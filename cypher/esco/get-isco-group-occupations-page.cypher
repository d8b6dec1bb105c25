// One page of the occupations placed directly in each given ISCO group (the top of each
// occupation branch; narrower occupations hang below those).
// params: $codes (ISCO group codes), $offset, $limit
// returns: ownerCode, totalCount, items (list of occupation maps)
UNWIND $codes AS ownerCode
MATCH (g:IscoGroup {code: ownerCode})
CALL (g) {
  MATCH (:Occupation)-[:IN_ISCO_GROUP]->(g)
  RETURN count(*) AS totalCount
}
CALL (g) {
  MATCH (o:Occupation)-[:IN_ISCO_GROUP]->(g)
  WITH o ORDER BY o.preferredLabel, o.uri
  SKIP $offset LIMIT $limit
  RETURN collect(o { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .code, .iscoGroupCode, .essentialCount, .optionalCount }) AS items
}
RETURN ownerCode, totalCount, items
