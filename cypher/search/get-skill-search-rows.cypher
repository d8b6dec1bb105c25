// Every skill with the labels skill search indexes in memory. Read once per process; ~14k rows
// for full ESCO.
// params: none
// returns: uri, preferredLabel, altLabels, hiddenLabels
MATCH (s:Skill)
WHERE s.preferredLabel IS NOT NULL
RETURN s.uri AS uri, s.preferredLabel AS preferredLabel, coalesce(s.altLabels, []) AS altLabels,
  coalesce(s.hiddenLabels, []) AS hiddenLabels
