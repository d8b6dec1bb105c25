// One page of the direct narrower occupations (occupation→occupation hierarchy) of each given occupation.
// params: $uris (occupation URIs), $offset, $limit
// returns: ownerUri, totalCount, items (list of occupation maps)
UNWIND $uris AS ownerUri
MATCH (p:Occupation {uri: ownerUri})
CALL (p) {
  MATCH (:Occupation)-[:BROADER_OCCUPATION]->(p)
  RETURN count(*) AS totalCount
}
CALL (p) {
  MATCH (o:Occupation)-[:BROADER_OCCUPATION]->(p)
  WITH o ORDER BY o.preferredLabel, o.uri
  SKIP $offset LIMIT $limit
  RETURN collect(o { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .code, .iscoGroupCode, .essentialCount, .optionalCount }) AS items
}
RETURN ownerUri, totalCount, items
