// Migration 013: Skill.labelKeys lookups (exact label and alias matching for suggestSkills)
// params: none
// returns: nothing
CREATE INDEX skill_label_keys IF NOT EXISTS FOR (n:Skill) ON (n.labelKeys)
