// One page of the credentials teaching each given skill, by title then id.
// params: $uris (skill URIs), $offset, $limit
// returns: ownerUri, totalCount, items (list of credential ids)
UNWIND $uris AS ownerUri
MATCH (s:Skill {uri: ownerUri})
CALL (s) {
  MATCH (c:MicroCredential)-[:TEACHES]->(s)
  RETURN count(*) AS totalCount
}
CALL (s) {
  MATCH (c:MicroCredential)-[:TEACHES]->(s)
  WITH c ORDER BY c.title, c.id
  SKIP $offset LIMIT $limit
  RETURN collect(c.id) AS items
}
RETURN ownerUri, totalCount, items
