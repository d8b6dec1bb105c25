// Removes a learner's holding of a credential.
// params: $learnerId, $credentialId
// returns: removed (number of holdings removed, 0 or 1)
MATCH (:Learner {id: $learnerId})-[h:HOLDS]->(:MicroCredential {id: $credentialId})
DELETE h
RETURN count(*) AS removed
