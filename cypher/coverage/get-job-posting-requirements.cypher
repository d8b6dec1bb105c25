// The requirements of a job posting (essential and optional).
// params: $id (job posting id)
// returns: found (boolean), requirements (list of {skillUri, relation}), portalId
OPTIONAL MATCH (j:JobPosting {id: $id})
RETURN j IS NOT NULL AS found, j.portalId AS portalId,
  COLLECT { MATCH (j)-[r:REQUIRES]->(s:Skill) RETURN { skillUri: s.uri, relation: r.relation } } AS requirements
