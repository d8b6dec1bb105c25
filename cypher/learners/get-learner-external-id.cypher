// A learner's holder identifier, read after locking the learner: a learner's own credential
// import compares it with the holder the document names.
// params: $learnerId
// returns: id, externalId (null when none was set)
MATCH (l:Learner {id: $learnerId})
RETURN l.id AS id, l.externalId AS externalId
