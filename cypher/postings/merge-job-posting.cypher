// Creates or replaces a job posting. With $copyOccupation its requirements are the occupation's
// (essential and optional); otherwise exactly $requirements.
// params: $posting (map: id, title, employer, location, portalId, occupationUri), $copyOccupation (boolean), $requirements (list of {uri, relation}), $now
// returns: id
MERGE (j:JobPosting {id: $posting.id})
ON CREATE SET j.createdAt = $now
SET j.title = $posting.title, j.employer = $posting.employer, j.location = $posting.location,
    j.portalId = $posting.portalId, j.updatedAt = $now
WITH j
CALL (j) { OPTIONAL MATCH (j)-[r:REQUIRES|FOR_OCCUPATION]->() DELETE r }
WITH j
MATCH (o:Occupation {uri: $posting.occupationUri})
MERGE (j)-[:FOR_OCCUPATION]->(o)
WITH j, o
CALL (j, o) {
  WITH j, o WHERE $copyOccupation
  MATCH (o)-[r:REQUIRES]->(s:Skill)
  MERGE (j)-[q:REQUIRES]->(s) SET q.relation = r.relation
}
CALL (j) {
  UNWIND $requirements AS req
  MATCH (s:Skill {uri: req.uri})
  MERGE (j)-[q:REQUIRES]->(s) SET q.relation = req.relation
}
WITH j
SET j.essentialCount = COUNT { (j)-[:REQUIRES {relation: 'ESSENTIAL'}]->() },
    j.optionalCount = COUNT { (j)-[:REQUIRES {relation: 'OPTIONAL'}]->() }
RETURN j.id AS id
