// Courses teaching any of the given skills, through links of any source and confidence, except
// those the subject already holds; with the facts the request's filters (language, form of
// participation, EQF level, providers, minConfidence) are applied to in the domain, so a plan can
// say how many courses each filter excluded.
// params: $skillUris, $excludeCredentialIds (list)
// returns: id, hours, price, currency (ISO 4217 of price), ects, languages, participationForm, eqfLevel, providerIds, teaches ([{uri, source, confidence}]), prerequisites (skill URIs)
UNWIND $skillUris AS uri
MATCH (:Skill {uri: uri})<-[:TEACHES]-(c:MicroCredential)
WITH DISTINCT c
WHERE NOT c.id IN $excludeCredentialIds
RETURN c.id AS id, c.workloadHours AS hours, c.priceAmount AS price, c.priceCurrency AS currency, c.ects AS ects,
  coalesce(c.languages, []) AS languages, c.participationForm AS participationForm, c.eqfLevel AS eqfLevel,
  COLLECT { MATCH (c)-[:AWARDED_BY]->(p:Provider) RETURN p.id } AS providerIds,
  COLLECT { MATCH (c)-[t:TEACHES]->(s:Skill) RETURN { uri: s.uri, source: t.source, confidence: t.confidence } } AS teaches,
  COLLECT { MATCH (c)-[:HAS_PREREQUISITE]->(s:Skill) RETURN s.uri } AS prerequisites
