// Migration 120: CredentialKey.key is unique (a catalogue import locks a course's identity keys by MERGE on it)
// params: none
// returns: nothing
CREATE CONSTRAINT credential_key_unique IF NOT EXISTS FOR (n:CredentialKey) REQUIRE n.key IS UNIQUE
