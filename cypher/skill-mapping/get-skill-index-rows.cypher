// Every skill with what the in-memory skill mapper indexes: labels and description (lexical
// matching), the occupations requiring it (co-occurrence: skills needed by the same occupations)
// and its broader, narrower and related skills. Read once per process; ~13.9k rows for full ESCO.
// params: none
// returns: skill (map), occupations (list of occupation URIs), neighbours (list of skill URIs)
MATCH (s:Skill)
WHERE s.preferredLabel IS NOT NULL
RETURN s { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .skillType, .reuseLevel, .collections } AS skill,
  COLLECT { MATCH (o:Occupation)-[:REQUIRES]->(s) RETURN o.uri } AS occupations,
  COLLECT { MATCH (s)-[:BROADER|RELATED_SKILL]-(n:Skill) RETURN DISTINCT n.uri } AS neighbours
