// Migration 005: IscoGroup.code lookups (occupations name their group by code)
// params: none
// returns: nothing
CREATE INDEX isco_group_code IF NOT EXISTS FOR (n:IscoGroup) ON (n.code)
