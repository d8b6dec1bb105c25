// Creates placeholder skill groups for URIs a source only links to, with the link's label.
// Existing groups keep every property, and a URI that is a skill in the graph gets no group node.
// params: $rows (list of {uri, preferredLabel})
// returns: created (number of skill groups created)
UNWIND $rows AS row
OPTIONAL MATCH (s:Skill {uri: row.uri})
OPTIONAL MATCH (existing:SkillGroup {uri: row.uri})
WITH row, existing WHERE s IS NULL
MERGE (g:SkillGroup {uri: row.uri})
ON CREATE SET g.preferredLabel = row.preferredLabel, g.altLabels = []
RETURN count(CASE WHEN existing IS NULL THEN 1 END) AS created
