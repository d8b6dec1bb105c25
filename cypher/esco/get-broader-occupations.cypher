// The direct broader occupations of each given occupation (occupation→occupation hierarchy; an
// occupation directly under an ISCO unit group has none).
// params: $uris (occupation URIs)
// returns: ownerUri, items (list of occupation maps)
UNWIND $uris AS ownerUri
MATCH (c:Occupation {uri: ownerUri})
OPTIONAL MATCH (c)-[:BROADER_OCCUPATION]->(o:Occupation)
WITH ownerUri, o ORDER BY o.preferredLabel, o.uri
RETURN ownerUri, collect(o { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .code, .iscoGroupCode, .essentialCount, .optionalCount }) AS items
