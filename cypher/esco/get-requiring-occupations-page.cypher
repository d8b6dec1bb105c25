// One page of the occupations that require each given skill, optionally only essential or optional.
// params: $uris (skill URIs), $relation ('ESSENTIAL' | 'OPTIONAL' | null for both), $offset, $limit
// returns: ownerUri, totalCount, items (list of maps {occupation, relation})
UNWIND $uris AS ownerUri
MATCH (s:Skill {uri: ownerUri})
CALL (s) {
  MATCH (o:Occupation)-[r:REQUIRES]->(s)
  WHERE $relation IS NULL OR r.relation = $relation
  RETURN count(*) AS totalCount
}
CALL (s) {
  MATCH (o:Occupation)-[r:REQUIRES]->(s)
  WHERE $relation IS NULL OR r.relation = $relation
  WITH o, r ORDER BY o.preferredLabel, o.uri
  SKIP $offset LIMIT $limit
  RETURN collect({ relation: r.relation, occupation: o { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .code, .iscoGroupCode, .essentialCount, .optionalCount } }) AS items
}
RETURN ownerUri, totalCount, items
