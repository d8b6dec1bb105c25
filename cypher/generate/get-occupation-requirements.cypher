// Every occupation with its essential and optional skills: the co-occurring skills credentials,
// learners and postings are drawn from.
// params: none
// returns: uri, label, essential (skill URIs), optional (skill URIs)
MATCH (o:Occupation)
RETURN o.uri AS uri, o.preferredLabel AS label,
  COLLECT { MATCH (o)-[:REQUIRES {relation: 'ESSENTIAL'}]->(s:Skill) RETURN s.uri } AS essential,
  COLLECT { MATCH (o)-[:REQUIRES {relation: 'OPTIONAL'}]->(s:Skill) RETURN s.uri } AS optional
