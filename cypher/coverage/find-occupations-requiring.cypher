// Occupations that require any of the given skills (the only ones that can score above 0), with
// their requirement counts and the matched requirements; optionally within an ISCO code prefix.
// params: $skillUris, $iscoGroupPrefix (string or null)
// returns: uri, essentialCount, optionalCount, matched (list of {skillUri, relation})
UNWIND $skillUris AS uri
MATCH (:Skill {uri: uri})<-[r:REQUIRES]-(o:Occupation)
WHERE $iscoGroupPrefix IS NULL OR o.iscoGroupCode STARTS WITH $iscoGroupPrefix
WITH o, collect({ skillUri: uri, relation: r.relation }) AS matched
RETURN o.uri AS uri, o.essentialCount AS essentialCount, o.optionalCount AS optionalCount, matched
