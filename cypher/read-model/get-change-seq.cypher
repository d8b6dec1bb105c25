// The sequence number of the last committed change (0 before the first).
// params: none
// returns: seq
OPTIONAL MATCH (m:GraphMeta {key: 'read-model-changes'})
RETURN coalesce(m.seq, 0) AS seq
