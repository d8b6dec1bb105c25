// One page of the occupations classified in each given ISCO group (every occupation carries the
// code of its unit group, narrower occupations included).
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
