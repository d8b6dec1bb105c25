// Every occupation with the texts occupation search indexes in memory: its labels and the label
// of its ISCO unit group. Read once per process; ~3k rows for full ESCO.
// params: none
// returns: uri, preferredLabel, altLabels, hiddenLabels, groupLabel
MATCH (o:Occupation)
WHERE o.preferredLabel IS NOT NULL
OPTIONAL MATCH (g:IscoGroup {code: o.iscoGroupCode})
RETURN o.uri AS uri, o.preferredLabel AS preferredLabel, coalesce(o.altLabels, []) AS altLabels,
  coalesce(o.hiddenLabels, []) AS hiddenLabels, g.preferredLabel AS groupLabel
