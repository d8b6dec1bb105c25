// Migration 003: Occupation.uri is unique
// params: none
// returns: nothing
CREATE CONSTRAINT occupation_uri IF NOT EXISTS FOR (n:Occupation) REQUIRE n.uri IS UNIQUE
