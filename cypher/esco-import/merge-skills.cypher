// Upserts skills by URI. A null hiddenLabels or collections means the source does not know them
// (the ESCO API), so the stored value is kept; the CSV import always sends both.
// params: $rows (list of {uri, preferredLabel, altLabels, altLabelsText, hiddenLabels, hiddenLabelsText, labelKeys, description, skillType, reuseLevel, collections})
// returns: nothing
UNWIND $rows AS row
MERGE (s:Skill {uri: row.uri})
SET s.preferredLabel = row.preferredLabel,
    s.altLabels = row.altLabels,
    s.altLabelsText = row.altLabelsText,
    s.hiddenLabels = coalesce(row.hiddenLabels, s.hiddenLabels, []),
    s.hiddenLabelsText = coalesce(row.hiddenLabelsText, s.hiddenLabelsText, ''),
    s.labelKeys = row.labelKeys,
    s.description = row.description,
    s.skillType = row.skillType,
    s.reuseLevel = row.reuseLevel,
    s.collections = coalesce(row.collections, s.collections, [])
