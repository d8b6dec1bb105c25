// One page of the direct narrower skills (skill→skill hierarchy) of each given skill.
// params: $uris (skill URIs), $offset, $limit
// returns: ownerUri, totalCount, items (list of skill maps)
UNWIND $uris AS ownerUri
MATCH (p:Skill {uri: ownerUri})
CALL (p) {
  MATCH (s:Skill)-[:BROADER]->(p)
  WITH s ORDER BY s.preferredLabel, s.uri
  RETURN collect(s { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .skillType, .reuseLevel, .collections }) AS all
}
RETURN ownerUri, size(all) AS totalCount, all[$offset..($offset + $limit)] AS items
