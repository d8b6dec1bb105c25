// Takes the write lock of a learner for the rest of the transaction, so the reads and checks that
// follow (in later statements) see every write committed before it and none can interleave.
// Setting and removing a marker property is how Cypher takes a node lock without changing it.
// The row may describe a learner deleted while this waited: read the state in a later statement.
// params: $learnerId
// returns: id
MATCH (l:Learner {id: $learnerId})
SET l._lock = true
REMOVE l._lock
RETURN l.id AS id
