// One page of the essential or optional skills of each given occupation, ordered by label then URI.
// params: $uris (occupation URIs), $relation ('ESSENTIAL' | 'OPTIONAL'), $offset, $limit
// returns: ownerUri, totalCount, items (list of skill maps)
UNWIND $uris AS ownerUri
MATCH (o:Occupation {uri: ownerUri})
CALL (o) {
  MATCH (o)-[:REQUIRES {relation: $relation}]->(s:Skill)
  RETURN count(*) AS totalCount
}
CALL (o) {
  MATCH (o)-[:REQUIRES {relation: $relation}]->(s:Skill)
  WITH s ORDER BY s.preferredLabel, s.uri
  SKIP $offset LIMIT $limit
  RETURN collect(s { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .skillType, .reuseLevel, .collections }) AS items
}
RETURN ownerUri, totalCount, items
