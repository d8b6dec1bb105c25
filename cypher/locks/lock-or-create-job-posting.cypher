// Locks a job posting, creating it when absent (see lock-or-create-credential).
// params: $postingId, $now
// returns: id, created (boolean: this transaction created it)
MERGE (j:JobPosting {id: $postingId})
ON CREATE SET j.createdAt = $now, j._created = true
WITH j, j._created IS NOT NULL AS created
SET j._lock = true
REMOVE j._lock, j._created
RETURN j.id AS id, created
