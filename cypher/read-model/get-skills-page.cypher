// A page of skills (by URI) with the skills each one is directly BROADER-linked to, for the read
// model's hierarchy. Skill-group links are not followed, as in coverage/expand-skill-hierarchy.
// params: $after (URI; '' for the first page), $limit
// returns: uri, broaderUris (list of skill URIs)
MATCH (s:Skill)
WHERE s.uri > $after
WITH s ORDER BY s.uri LIMIT $limit
RETURN s.uri AS uri, COLLECT { MATCH (s)-[:BROADER]->(b:Skill) RETURN b.uri } AS broaderUris
