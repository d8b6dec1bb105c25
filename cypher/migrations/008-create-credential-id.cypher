// Migration 008: MicroCredential.id is unique
// params: none
// returns: nothing
CREATE CONSTRAINT credential_id IF NOT EXISTS FOR (n:MicroCredential) REQUIRE n.id IS UNIQUE
