// The direct broader skills (skill→skill hierarchy, possibly several parents) of each given skill.
// params: $uris (skill URIs)
// returns: ownerUri, items (list of skill maps)
UNWIND $uris AS ownerUri
MATCH (c:Skill {uri: ownerUri})
OPTIONAL MATCH (c)-[:BROADER]->(s:Skill)
WITH ownerUri, s ORDER BY s.preferredLabel, s.uri
RETURN ownerUri, collect(s { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .skillType, .reuseLevel, .collections }) AS items
