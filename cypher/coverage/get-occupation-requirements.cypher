// The requirements of an occupation (essential and optional).
// params: $uri (occupation URI)
// returns: found (boolean), requirements (list of {skillUri, relation})
OPTIONAL MATCH (o:Occupation {uri: $uri})
RETURN o IS NOT NULL AS found,
  COLLECT { MATCH (o)-[r:REQUIRES]->(s:Skill) RETURN { skillUri: s.uri, relation: r.relation } } AS requirements
