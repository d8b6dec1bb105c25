// Occupations by URI, for the occupation DataLoader.
// params: $uris (list of occupation URIs)
// returns: occupation (map of Occupation properties)
UNWIND $uris AS uri
MATCH (o:Occupation {uri: uri})
RETURN o { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .code, .iscoGroupCode,
           .essentialCount, .optionalCount } AS occupation
