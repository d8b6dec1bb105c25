// Upserts skill groups by URI. Every property is set from the row, so re-running converges.
// params: $rows (list of {uri, preferredLabel, altLabels, description, code})
// returns: nothing
UNWIND $rows AS row
MERGE (g:SkillGroup {uri: row.uri})
SET g.preferredLabel = row.preferredLabel,
    g.altLabels = row.altLabels,
    g.description = row.description,
    g.code = row.code
