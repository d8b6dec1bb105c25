// Stores one language's labels on ESCO concepts already in the graph (skills, occupations, skill
// groups, ISCO groups). $props maps each row's language-suffixed property names (preferredLabel_de,
// altLabels_de, description_de) to values; English properties are never touched. Re-running
// overwrites with the same values. Rows whose concept is not in the graph are returned.
// params: $rows (list of {i, uri, props})
// returns: i for every row whose concept is unknown
UNWIND $rows AS row
OPTIONAL MATCH (s:Skill {uri: row.uri})
OPTIONAL MATCH (o:Occupation {uri: row.uri})
OPTIONAL MATCH (g:SkillGroup {uri: row.uri})
OPTIONAL MATCH (c:IscoGroup {uri: row.uri})
WITH row, coalesce(s, o, g, c) AS n
FOREACH (_ IN CASE WHEN n IS NULL THEN [] ELSE [1] END | SET n += row.props)
WITH row, n
WHERE n IS NULL
RETURN row.i AS i
