// Migration 009: Learner.id is unique
// params: none
// returns: nothing
CREATE CONSTRAINT learner_id IF NOT EXISTS FOR (n:Learner) REQUIRE n.id IS UNIQUE
