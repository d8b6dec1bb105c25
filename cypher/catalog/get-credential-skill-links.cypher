// The skill links of each given credential (what get-teaching-credentials-page leaves out), in the
// same shape and order as get-credentials-by-ids returns them.
// params: $ids (credential ids)
// returns: id, skills (list of {uri, source, confidence, sourceText}, by URI), prerequisiteUris (by URI)
UNWIND $ids AS id
MATCH (c:MicroCredential {id: id})
RETURN c.id AS id,
  COLLECT { MATCH (c)-[t:TEACHES]->(s:Skill) RETURN { uri: s.uri, source: t.source, confidence: t.confidence, sourceText: t.sourceText } ORDER BY s.uri } AS skills,
  COLLECT { MATCH (c)-[:HAS_PREREQUISITE]->(s:Skill) RETURN s.uri ORDER BY s.uri } AS prerequisiteUris
