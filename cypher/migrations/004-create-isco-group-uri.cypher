// Migration 004: IscoGroup.uri is unique
// params: none
// returns: nothing
CREATE CONSTRAINT isco_group_uri IF NOT EXISTS FOR (n:IscoGroup) REQUIRE n.uri IS UNIQUE
