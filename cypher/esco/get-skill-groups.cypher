// The skill groups each given skill belongs to (skill→group links).
// params: $uris (skill URIs)
// returns: ownerUri, items (list of skill group maps)
UNWIND $uris AS ownerUri
MATCH (c:Skill {uri: ownerUri})
OPTIONAL MATCH (c)-[:IN_GROUP]->(g:SkillGroup)
WITH ownerUri, g ORDER BY g.preferredLabel, g.uri
RETURN ownerUri, collect(g { .uri, .preferredLabel, .description, .code }) AS items
