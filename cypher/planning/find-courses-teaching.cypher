// Eligible courses teaching any of the given skills: the catalog filtered by language, form of
// participation, EQF level and excluded providers; with what they teach and their prerequisites.
// params: $skillUris, $languages (list or null), $participationForms (list or null), $maxEqfLevel (or null), $excludeProviderIds (list), $onlyProviderIds (list or null), $excludeCredentialIds (list)
// returns: id, hours, price, currency (ISO 4217 of price), ects, teaches (skill URIs), prerequisites (skill URIs)
UNWIND $skillUris AS uri
MATCH (:Skill {uri: uri})<-[:TEACHES]-(c:MicroCredential)
WITH DISTINCT c
WHERE NOT c.id IN $excludeCredentialIds
  AND ($languages IS NULL OR any(lang IN coalesce(c.languages, []) WHERE lang IN $languages))
  AND ($participationForms IS NULL OR c.participationForm IN $participationForms)
  AND ($maxEqfLevel IS NULL OR c.eqfLevel IS NULL OR c.eqfLevel <= $maxEqfLevel)
  AND NOT EXISTS { (c)-[:AWARDED_BY]->(p:Provider) WHERE p.id IN $excludeProviderIds }
  AND ($onlyProviderIds IS NULL OR EXISTS { (c)-[:AWARDED_BY]->(p:Provider) WHERE p.id IN $onlyProviderIds })
RETURN c.id AS id, c.workloadHours AS hours, c.priceAmount AS price, c.priceCurrency AS currency, c.ects AS ects,
  COLLECT { MATCH (c)-[:TEACHES]->(s:Skill) RETURN s.uri } AS teaches,
  COLLECT { MATCH (c)-[:HAS_PREREQUISITE]->(s:Skill) RETURN s.uri } AS prerequisites
