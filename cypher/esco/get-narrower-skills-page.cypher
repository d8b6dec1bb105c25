// One page of the direct narrower skills (skill→skill hierarchy) of each given skill.
// params: $uris (skill URIs), $offset, $limit
// returns: ownerUri, totalCount, items (list of skill maps)
UNWIND $uris AS ownerUri
MATCH (p:Skill {uri: ownerUri})
CALL (p) {
  MATCH (s:Skill)-[:BROADER]->(p)
  RETURN count(*) AS totalCount
}
CALL (p) {
  MATCH (s:Skill)-[:BROADER]->(p)
  WITH s ORDER BY s.preferredLabel, s.uri
  SKIP $offset LIMIT $limit
  RETURN collect(s { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .skillType, .reuseLevel, .collections }) AS items
}
RETURN ownerUri, totalCount, items
