// The given credentials (those that exist) with the facts planning reads, the same columns as planning/find-courses-teaching;
// the skills a credential teaches are its teaches links.
// params: $ids (credential ids)
// returns: id, hours, price, currency, ects, languages, participationForm, eqfLevel, providerIds, teaches ([{uri, source, confidence}]), prerequisites (skill URIs)
UNWIND $ids AS id
MATCH (c:MicroCredential {id: id})
RETURN c.id AS id, c.workloadHours AS hours, c.priceAmount AS price, c.priceCurrency AS currency, c.ects AS ects,
  coalesce(c.languages, []) AS languages, c.participationForm AS participationForm, c.eqfLevel AS eqfLevel,
  COLLECT { MATCH (c)-[:AWARDED_BY]->(p:Provider) RETURN p.id } AS providerIds,
  COLLECT { MATCH (c)-[t:TEACHES]->(s:Skill) RETURN { uri: s.uri, source: t.source, confidence: t.confidence } } AS teaches,
  COLLECT { MATCH (c)-[:HAS_PREREQUISITE]->(s:Skill) RETURN s.uri } AS prerequisites
