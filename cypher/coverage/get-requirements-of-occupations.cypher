// The requirements of each given occupation (batched for DataLoaders).
// params: $uris (occupation URIs)
// returns: ownerUri, requirements (list of {skillUri, relation})
UNWIND $uris AS ownerUri
MATCH (o:Occupation {uri: ownerUri})
RETURN ownerUri, COLLECT { MATCH (o)-[r:REQUIRES]->(s:Skill) RETURN { skillUri: s.uri, relation: r.relation } } AS requirements
