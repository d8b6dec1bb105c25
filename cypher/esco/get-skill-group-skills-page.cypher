// One page of the skills placed directly in each given skill group.
// params: $uris (skill group URIs), $offset, $limit
// returns: ownerUri, totalCount, items (list of skill maps)
UNWIND $uris AS ownerUri
MATCH (g:SkillGroup {uri: ownerUri})
CALL (g) {
  MATCH (:Skill)-[:IN_GROUP]->(g)
  RETURN count(*) AS totalCount
}
CALL (g) {
  MATCH (s:Skill)-[:IN_GROUP]->(g)
  WITH s ORDER BY s.preferredLabel, s.uri
  SKIP $offset LIMIT $limit
  RETURN collect(s { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .skillType, .reuseLevel, .collections }) AS items
}
RETURN ownerUri, totalCount, items
