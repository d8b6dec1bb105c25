// Upserts ISCO groups by URI. Every property is set from the row, so re-running converges.
// params: $rows (list of {uri, code, preferredLabel, description})
// returns: nothing
UNWIND $rows AS row
MERGE (g:IscoGroup {uri: row.uri})
SET g.code = row.code,
    g.preferredLabel = row.preferredLabel,
    g.description = row.description
