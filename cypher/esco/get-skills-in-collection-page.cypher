// One page of the skills of an ESCO collection, by label. Collections are a list property of the
// skill, so this reads every skill once (about 14,000 in ESCO v1.1.1): bounded by the pillar size.
// params: $collection (collection name as stored, e.g. 'digital'), $offset, $limit
// returns: totalCount, items (list of skill maps)
CALL () {
  MATCH (s:Skill) WHERE $collection IN s.collections
  RETURN count(*) AS totalCount
}
CALL () {
  MATCH (s:Skill) WHERE $collection IN s.collections
  WITH s ORDER BY s.preferredLabel, s.uri
  SKIP $offset LIMIT $limit
  RETURN collect(s { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .skillType, .reuseLevel, .collections }) AS items
}
RETURN totalCount, items
