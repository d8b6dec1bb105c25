// A page of occupations (by URI) with what ranking reads: requirements, stored requirement
// counts and ISCO group code (see coverage/find-occupations-requiring).
// params: $after (URI; '' for the first page), $limit
// returns: uri, iscoGroupCode, essentialCount, optionalCount, requirements (list of {skillUri, relation})
MATCH (o:Occupation)
WHERE o.uri > $after
WITH o ORDER BY o.uri LIMIT $limit
RETURN o.uri AS uri, o.iscoGroupCode AS iscoGroupCode, o.essentialCount AS essentialCount,
  o.optionalCount AS optionalCount,
  COLLECT { MATCH (o)-[r:REQUIRES]->(s:Skill) RETURN { skillUri: s.uri, relation: r.relation } } AS requirements
