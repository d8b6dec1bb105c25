// Migration 001: Skill.uri is unique
// params: none
// returns: nothing
CREATE CONSTRAINT skill_uri IF NOT EXISTS FOR (n:Skill) REQUIRE n.uri IS UNIQUE
