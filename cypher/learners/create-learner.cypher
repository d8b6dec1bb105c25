// Creates a learner with declared skills and target occupations (references checked beforehand).
// params: $learner (map: id, displayName, externalId, matchingConsent), $skillUris, $occupationUris, $now
// returns: id
CREATE (l:Learner { id: $learner.id, displayName: $learner.displayName, externalId: $learner.externalId,
                    matchingConsent: $learner.matchingConsent, createdAt: $now, updatedAt: $now })
WITH l
CALL (l) { UNWIND $skillUris AS uri MATCH (s:Skill {uri: uri}) MERGE (l)-[d:DECLARES]->(s) ON CREATE SET d.declaredAt = $now }
CALL (l) { UNWIND $occupationUris AS uri MATCH (o:Occupation {uri: uri}) MERGE (l)-[:TARGETS]->(o) }
RETURN l.id AS id
