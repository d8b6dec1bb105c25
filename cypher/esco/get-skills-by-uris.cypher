// Skills by URI, for the skill DataLoader.
// params: $uris (list of skill URIs)
// returns: skill (map of Skill properties, without label-index helpers)
UNWIND $uris AS uri
MATCH (s:Skill {uri: uri})
RETURN s { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .skillType, .reuseLevel, .collections } AS skill
