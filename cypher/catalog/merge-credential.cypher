// Creates or replaces a micro-credential with its provider link, taught skills, prerequisites and
// stackability link. Every reference was checked by find-missing-references in the same transaction.
// params: $credential (map: id, providerId, partOfId), $props (map of the stored properties; null removes), $skills (list of {uri, source, confidence, sourceText}), $prerequisiteUris, $now
// returns: id
MERGE (c:MicroCredential {id: $credential.id})
ON CREATE SET c.createdAt = $now
SET c += $props, c.updatedAt = $now
WITH c
CALL (c) { OPTIONAL MATCH (c)-[r:AWARDED_BY|TEACHES|HAS_PREREQUISITE|PART_OF]->() DELETE r }
WITH c
MATCH (p:Provider {id: $credential.providerId})
MERGE (c)-[:AWARDED_BY]->(p)
WITH c
CALL (c) {
  UNWIND $skills AS taught
  MATCH (s:Skill {uri: taught.uri})
  MERGE (c)-[t:TEACHES]->(s)
  SET t.source = taught.source, t.confidence = taught.confidence, t.sourceText = taught.sourceText
}
CALL (c) {
  UNWIND $prerequisiteUris AS uri
  MATCH (s:Skill {uri: uri})
  MERGE (c)-[:HAS_PREREQUISITE]->(s)
}
CALL (c) {
  OPTIONAL MATCH (whole:MicroCredential {id: $credential.partOfId})
  WITH c, whole WHERE whole IS NOT NULL
  MERGE (c)-[:PART_OF]->(whole)
}
RETURN c.id AS id
