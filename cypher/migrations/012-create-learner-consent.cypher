// Migration 012: Learner.matchingConsent lookups (rankCandidates scans consenting learners only)
// params: none
// returns: nothing
CREATE INDEX learner_consent IF NOT EXISTS FOR (n:Learner) ON (n.matchingConsent)
