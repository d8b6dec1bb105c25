// One page of the essential or optional skills of each given occupation, ordered by label then URI.
// params: $uris (occupation URIs), $relation ('ESSENTIAL' | 'OPTIONAL'), $offset, $limit
// returns: ownerUri, totalCount, items (list of skill maps)
UNWIND $uris AS ownerUri
MATCH (o:Occupation {uri: ownerUri})
CALL (o) {
  MATCH (o)-[:REQUIRES {relation: $relation}]->(s:Skill)
  WITH s ORDER BY s.preferredLabel, s.uri
  RETURN collect(s { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .skillType, .reuseLevel, .collections }) AS all
}
RETURN ownerUri, size(all) AS totalCount, all[$offset..($offset + $limit)] AS items
