// The learner with an external identifier (e-mail, DID, ...) given by an issued credential.
// params: $externalId
// returns: id
MATCH (l:Learner {externalId: $externalId})
RETURN l.id AS id
LIMIT 1
