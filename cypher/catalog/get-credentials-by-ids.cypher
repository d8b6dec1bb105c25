// Micro-credentials by id, with their provider id, taught skills, prerequisites and parent.
// params: $ids
// returns: credential (map incl. providerId, partOfId, skills [{uri, source, confidence, sourceText}], prerequisiteUris)
UNWIND $ids AS id
MATCH (c:MicroCredential {id: id})
OPTIONAL MATCH (c)-[:AWARDED_BY]->(p:Provider)
OPTIONAL MATCH (c)-[:PART_OF]->(whole:MicroCredential)
RETURN c {
  .*,
  providerId: p.id,
  partOfId: whole.id,
  skills: COLLECT { MATCH (c)-[t:TEACHES]->(s:Skill) RETURN { uri: s.uri, source: t.source, confidence: t.confidence, sourceText: t.sourceText } ORDER BY s.uri },
  prerequisiteUris: COLLECT { MATCH (c)-[:HAS_PREREQUISITE]->(s:Skill) RETURN s.uri ORDER BY s.uri }
} AS credential
