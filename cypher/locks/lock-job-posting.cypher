// Takes the write lock of an existing job posting for the rest of the transaction (see
// lock-learner); no row when the posting does not exist.
// params: $postingId
// returns: id
MATCH (j:JobPosting {id: $postingId})
SET j._lock = true
REMOVE j._lock
RETURN j.id AS id
