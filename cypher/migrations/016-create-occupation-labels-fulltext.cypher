// Migration 016: full-text index over occupation labels
// params: none
// returns: nothing
CREATE FULLTEXT INDEX occupation_labels IF NOT EXISTS FOR (n:Occupation) ON EACH [n.preferredLabel, n.altLabelsText, n.hiddenLabelsText]
