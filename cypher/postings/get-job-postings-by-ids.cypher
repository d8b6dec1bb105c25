// Job postings by id with occupation and requirements.
// params: $ids
// returns: posting (map incl. occupationUri, requirements [{uri, relation}])
UNWIND $ids AS id
MATCH (j:JobPosting {id: id})
OPTIONAL MATCH (j)-[:FOR_OCCUPATION]->(o:Occupation)
RETURN j {
  .id, .title, .employer, .location, .portalId, .essentialCount, .optionalCount,
  occupationUri: o.uri,
  requirements: COLLECT { MATCH (j)-[r:REQUIRES]->(s:Skill) RETURN { uri: s.uri, relation: r.relation } ORDER BY r.relation, s.uri }
} AS posting
