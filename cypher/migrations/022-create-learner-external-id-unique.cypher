// Migration 022: Learner.externalId is unique, so an imported credential names at most one holder
// and concurrent imports for one person MERGE onto one record.
// params: none
// returns: nothing
CREATE CONSTRAINT learner_external_id_unique IF NOT EXISTS FOR (n:Learner) REQUIRE n.externalId IS UNIQUE
