// One page of the skills ESCO relates to each given skill (skillSkillRelations: the owner is the
// original skill, the related skill is essential or optional to it), optionally of one relation.
// params: $uris (skill URIs), $relation ('ESSENTIAL' | 'OPTIONAL' | null for both), $offset, $limit
// returns: ownerUri, totalCount, items (list of maps {relation, skill})
UNWIND $uris AS ownerUri
MATCH (a:Skill {uri: ownerUri})
CALL (a) {
  MATCH (a)-[r:RELATED_SKILL]->(:Skill)
  WHERE $relation IS NULL OR r.relation = $relation
  RETURN count(*) AS totalCount
}
CALL (a) {
  MATCH (a)-[r:RELATED_SKILL]->(s:Skill)
  WHERE $relation IS NULL OR r.relation = $relation
  WITH r, s ORDER BY s.preferredLabel, s.uri
  SKIP $offset LIMIT $limit
  RETURN collect({ relation: r.relation, skill: s { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .skillType, .reuseLevel, .collections } }) AS items
}
RETURN ownerUri, totalCount, items
