// A page of credentials (by id) with the facts planning reads, the same columns as planning/find-courses-teaching;
// the skills a credential teaches are its teaches links.
// params: $after (id; '' for the first page), $limit
// returns: id, hours, price, currency, ects, languages, participationForm, eqfLevel, providerIds, teaches ([{uri, source, confidence}]), prerequisites (skill URIs)
MATCH (c:MicroCredential)
WHERE c.id > $after
WITH c ORDER BY c.id LIMIT $limit
RETURN c.id AS id, c.workloadHours AS hours, c.priceAmount AS price, c.priceCurrency AS currency, c.ects AS ects,
  coalesce(c.languages, []) AS languages, c.participationForm AS participationForm, c.eqfLevel AS eqfLevel,
  COLLECT { MATCH (c)-[:AWARDED_BY]->(p:Provider) RETURN p.id } AS providerIds,
  COLLECT { MATCH (c)-[t:TEACHES]->(s:Skill) RETURN { uri: s.uri, source: t.source, confidence: t.confidence } } AS teaches,
  COLLECT { MATCH (c)-[:HAS_PREREQUISITE]->(s:Skill) RETURN s.uri } AS prerequisites
