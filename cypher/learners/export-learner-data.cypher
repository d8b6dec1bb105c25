// Everything stored about a learner, for the learner's own export (GDPR data portability).
// params: $learnerId
// returns: learner (map of properties), holdings (list), declaredSkills (list), targetOccupations (list)
MATCH (l:Learner {id: $learnerId})
RETURN properties(l) AS learner,
  COLLECT { MATCH (l)-[h:HOLDS]->(c:MicroCredential) RETURN { credentialId: c.id, title: c.title, holding: properties(h) } } AS holdings,
  COLLECT { MATCH (l)-[d:DECLARES]->(s:Skill) RETURN { uri: s.uri, label: s.preferredLabel, declaredAt: d.declaredAt } } AS declaredSkills,
  COLLECT { MATCH (l)-[:TARGETS]->(o:Occupation) RETURN { uri: o.uri, label: o.preferredLabel } } AS targetOccupations
