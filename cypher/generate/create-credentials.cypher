// Creates a batch of generated micro-credentials with their provider, taught skills and
// prerequisites, the same shape catalog/merge-credential writes.
// params: $rows (list of {id, providerId, props (map), skills [{uri, source, confidence}], prerequisiteUris}), $now
// returns: created
UNWIND $rows AS row
MATCH (p:Provider {id: row.providerId})
CREATE (c:MicroCredential {id: row.id})
SET c += row.props, c.createdAt = $now, c.updatedAt = $now
CREATE (c)-[:AWARDED_BY]->(p)
WITH c, row
CALL (c, row) {
  UNWIND row.skills AS taught
  MATCH (s:Skill {uri: taught.uri})
  CREATE (c)-[:TEACHES {source: taught.source, confidence: taught.confidence}]->(s)
}
CALL (c, row) {
  UNWIND row.prerequisiteUris AS uri
  MATCH (s:Skill {uri: uri})
  CREATE (c)-[:HAS_PREREQUISITE]->(s)
}
RETURN count(c) AS created
