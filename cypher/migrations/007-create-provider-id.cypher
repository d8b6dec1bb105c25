// Migration 007: Provider.id is unique
// params: none
// returns: nothing
CREATE CONSTRAINT provider_id IF NOT EXISTS FOR (n:Provider) REQUIRE n.id IS UNIQUE
