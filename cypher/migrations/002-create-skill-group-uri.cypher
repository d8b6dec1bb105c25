// Migration 002: SkillGroup.uri is unique
// params: none
// returns: nothing
CREATE CONSTRAINT skill_group_uri IF NOT EXISTS FOR (n:SkillGroup) REQUIRE n.uri IS UNIQUE
