// Migration 011: Learner.externalId lookups (credential import finds holders by identifier)
// params: none
// returns: nothing
CREATE INDEX learner_external_id IF NOT EXISTS FOR (n:Learner) ON (n.externalId)
