// A page of job postings (by id) with their requirements and portal.
// params: $after (id; '' for the first page), $limit
// returns: id, portalId, requirements (list of {skillUri, relation})
MATCH (j:JobPosting)
WHERE j.id > $after
WITH j ORDER BY j.id LIMIT $limit
RETURN j.id AS id, j.portalId AS portalId,
  COLLECT { MATCH (j)-[r:REQUIRES]->(s:Skill) RETURN { skillUri: s.uri, relation: r.relation } } AS requirements
