// Every skill's labels, read once to compute how rare each word is among ESCO labels (the weights
// of label matching). 13.9k rows for the full taxonomy.
// params: none
// returns: preferredLabel, altLabels, hiddenLabels
MATCH (s:Skill)
RETURN s.preferredLabel AS preferredLabel, coalesce(s.altLabels, []) AS altLabels, coalesce(s.hiddenLabels, []) AS hiddenLabels
