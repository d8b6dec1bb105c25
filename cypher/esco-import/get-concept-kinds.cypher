// Tells which ESCO label each URI has in the graph, so links a source does not type (the ESCO
// API's broader links) go to the right relationship. URIs not in the graph are left out.
// params: $uris
// returns: uri, kind ('skill' | 'group' | 'occupation' | 'isco')
UNWIND $uris AS uri
OPTIONAL MATCH (s:Skill {uri: uri})
OPTIONAL MATCH (g:SkillGroup {uri: uri})
OPTIONAL MATCH (o:Occupation {uri: uri})
OPTIONAL MATCH (i:IscoGroup {uri: uri})
WITH uri, CASE
  WHEN s IS NOT NULL THEN 'skill'
  WHEN g IS NOT NULL THEN 'group'
  WHEN o IS NOT NULL THEN 'occupation'
  WHEN i IS NOT NULL THEN 'isco'
END AS kind
WHERE kind IS NOT NULL
RETURN uri, kind
