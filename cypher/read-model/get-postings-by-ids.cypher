// The given job postings (those that exist) with their requirements and portal.
// params: $ids (job posting ids)
// returns: id, portalId, requirements (list of {skillUri, relation})
UNWIND $ids AS id
MATCH (j:JobPosting {id: id})
RETURN j.id AS id, j.portalId AS portalId,
  COLLECT { MATCH (j)-[r:REQUIRES]->(s:Skill) RETURN { skillUri: s.uri, relation: r.relation } } AS requirements
