// Migration 014: full-text index over skill labels
// params: none
// returns: nothing
CREATE FULLTEXT INDEX skill_labels IF NOT EXISTS FOR (n:Skill) ON EACH [n.preferredLabel, n.altLabelsText, n.hiddenLabelsText]
