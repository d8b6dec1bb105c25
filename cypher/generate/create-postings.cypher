// Creates a batch of generated job postings with their occupation and requirements, the same
// shape postings/merge-job-posting writes.
// params: $rows (list of {id, portalId, title, employer, location, occupationUri, requirements [{uri, relation}], essentialCount, optionalCount}), $now
// returns: created
UNWIND $rows AS row
MATCH (o:Occupation {uri: row.occupationUri})
CREATE (j:JobPosting {id: row.id, portalId: row.portalId, title: row.title, employer: row.employer, location: row.location,
                      essentialCount: row.essentialCount, optionalCount: row.optionalCount, createdAt: $now, updatedAt: $now})
CREATE (j)-[:FOR_OCCUPATION]->(o)
WITH j, row
CALL (j, row) {
  UNWIND row.requirements AS req
  MATCH (s:Skill {uri: req.uri})
  CREATE (j)-[:REQUIRES {relation: req.relation}]->(s)
}
RETURN count(j) AS created
