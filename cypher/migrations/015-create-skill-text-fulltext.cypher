// Migration 015: full-text index over skill labels and descriptions (free-text mapping)
// params: none
// returns: nothing
CREATE FULLTEXT INDEX skill_text IF NOT EXISTS FOR (n:Skill) ON EACH [n.preferredLabel, n.altLabelsText, n.hiddenLabelsText, n.description]
