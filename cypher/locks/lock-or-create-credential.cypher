// Locks a micro-credential, creating it when absent. MERGE on the unique id serialises concurrent
// creates of one new id: the second waits for the first to commit and then finds its node.
// params: $credentialId, $now
// returns: id, created (boolean: this transaction created it)
MERGE (c:MicroCredential {id: $credentialId})
ON CREATE SET c.createdAt = $now, c._created = true
WITH c, c._created IS NOT NULL AS created
SET c._lock = true
REMOVE c._lock, c._created
RETURN c.id AS id, created
