// Everything stored about a learner, for the learner's own export (GDPR data portability): every
// property of the record (advisor grants, consent and its date, timestamps, externalId included),
// every property of each holding, declaration and target, and any other relationship of the
// record, so a property or link added later is exported without changing this query.
// params: $learnerId
// returns: learner (map of properties), advisorGrants (list of advisor subjects), holdings (list), declaredSkills (list), targetOccupations (list), otherRelationships (list)
MATCH (l:Learner {id: $learnerId})
RETURN properties(l) AS learner,
  coalesce(l.advisorSubjects, []) AS advisorGrants,
  COLLECT { MATCH (l)-[h:HOLDS]->(c:MicroCredential) RETURN { credentialId: c.id, title: c.title, holding: properties(h) } ORDER BY c.id } AS holdings,
  COLLECT { MATCH (l)-[d:DECLARES]->(s:Skill) RETURN { uri: s.uri, label: s.preferredLabel, declaredAt: d.declaredAt, properties: properties(d) } ORDER BY s.uri } AS declaredSkills,
  COLLECT { MATCH (l)-[t:TARGETS]->(o:Occupation) RETURN { uri: o.uri, label: o.preferredLabel, properties: properties(t) } ORDER BY o.uri } AS targetOccupations,
  COLLECT {
    MATCH (l)-[r]-(other)
    WHERE NOT (startNode(r) = l AND ((type(r) = 'HOLDS' AND other:MicroCredential) OR (type(r) = 'DECLARES' AND other:Skill) OR (type(r) = 'TARGETS' AND other:Occupation)))
    RETURN { type: type(r), outgoing: startNode(r) = l, properties: properties(r), other: { labels: labels(other), id: other.id, uri: other.uri } }
  } AS otherRelationships
