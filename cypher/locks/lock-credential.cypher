// Takes the write lock of a micro-credential for the rest of the transaction (see lock-learner).
// params: $credentialId
// returns: id
MATCH (c:MicroCredential {id: $credentialId})
SET c._lock = true
REMOVE c._lock
RETURN c.id AS id
