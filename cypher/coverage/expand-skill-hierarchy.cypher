// Skills related to the given ones through the skill→skill hierarchy within 5 steps, with the
// shortest distance. A row (skillUri, relatedUri, NARROWER, d) says relatedUri lies d steps
// below skillUri; BROADER says it lies above. Skill-group links are not followed. The caller
// filters by its policy's depth (5 is the cap: variable-length bounds cannot be parameters).
// params: $uris (skill URIs), $depth (1..5)
// returns: skillUri, relatedUri, kind ('NARROWER' | 'BROADER'), distance
UNWIND $uris AS uri
MATCH (s:Skill {uri: uri})
CALL (s) {
  MATCH p = (s)<-[:BROADER*1..5]-(n:Skill)
  WHERE length(p) <= $depth
  RETURN n.uri AS relatedUri, 'NARROWER' AS kind, min(length(p)) AS distance
  UNION
  MATCH p = (s)-[:BROADER*1..5]->(n:Skill)
  WHERE length(p) <= $depth
  RETURN n.uri AS relatedUri, 'BROADER' AS kind, min(length(p)) AS distance
}
RETURN s.uri AS skillUri, relatedUri, kind, distance
