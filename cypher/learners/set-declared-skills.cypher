// Declares skills for a learner; with $replace the previous declarations not in the list are dropped.
// params: $learnerId, $skillUris, $replace (boolean), $now
// returns: learnerId
MATCH (l:Learner {id: $learnerId})
CALL (l) {
  OPTIONAL MATCH (l)-[d:DECLARES]->(s:Skill)
  WITH d, s WHERE $replace AND d IS NOT NULL AND NOT s.uri IN $skillUris
  DELETE d
}
CALL (l) { UNWIND $skillUris AS uri MATCH (s:Skill {uri: uri}) MERGE (l)-[d:DECLARES]->(s) ON CREATE SET d.declaredAt = $now }
SET l.updatedAt = $now
RETURN l.id AS learnerId
