// One language's labels of ESCO concepts of any kind (skill, occupation, skill group, ISCO group);
// null where the concept has no translation. The property names come from the validated language.
// params: $uris (concept URIs), $preferredKey, $altKey, $descriptionKey (property names of the language)
// returns: uri, preferredLabel, altLabels, description
UNWIND $uris AS uri
OPTIONAL MATCH (s:Skill {uri: uri})
OPTIONAL MATCH (o:Occupation {uri: uri})
OPTIONAL MATCH (g:SkillGroup {uri: uri})
OPTIONAL MATCH (c:IscoGroup {uri: uri})
WITH uri, coalesce(s, o, g, c) AS n
WHERE n IS NOT NULL
RETURN uri, n[$preferredKey] AS preferredLabel, n[$altKey] AS altLabels, n[$descriptionKey] AS description
