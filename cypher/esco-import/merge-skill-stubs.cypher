// Creates placeholder skills for URIs a source only links to (the ESCO API's broader skills), with
// the link's label. Existing skills keep every property, and a URI that is a skill group in the
// graph gets no Skill node, so a later full import simply fills the placeholders in.
// params: $rows (list of {uri, preferredLabel})
// returns: created (number of skills created)
UNWIND $rows AS row
OPTIONAL MATCH (g:SkillGroup {uri: row.uri})
OPTIONAL MATCH (existing:Skill {uri: row.uri})
WITH row, existing WHERE g IS NULL
MERGE (s:Skill {uri: row.uri})
ON CREATE SET s.preferredLabel = row.preferredLabel,
              s.altLabels = [], s.altLabelsText = '',
              s.hiddenLabels = [], s.hiddenLabelsText = '',
              s.labelKeys = [toLower(trim(row.preferredLabel))],
              s.collections = []
RETURN count(CASE WHEN existing IS NULL THEN 1 END) AS created
