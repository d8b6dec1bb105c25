// One page of the credentials teaching each given skill, by title then id, with each credential's
// record and provider, so a browse of skills and their courses needs no further lookups. The
// credentials' own skill links are left out (get-credential-skill-links loads them when a client
// asks): collecting them took 40 % of this query.
// params: $uris (skill URIs), $offset, $limit
// returns: ownerUri, totalCount, items (list of {credential (map as get-credentials-by-ids, without skills and
//   prerequisiteUris), provider (map or null)})
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
  OPTIONAL MATCH (c)-[:AWARDED_BY]->(p:Provider)
  OPTIONAL MATCH (c)-[:PART_OF]->(whole:MicroCredential)
  RETURN collect({
    credential: c {
      .*,
      providerId: p.id,
      partOfId: whole.id
    },
    provider: CASE WHEN p IS NULL THEN null ELSE p { .id, .name, .country, .type, .url } END
  }) AS items
}
RETURN ownerUri, totalCount, items
