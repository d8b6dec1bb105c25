// Records what a write transaction changed, in that transaction just before it commits: the next
// sequence number (the meta node's lock serialises writers, so committed numbers have no gaps)
// and the entities to reload. The lock is taken by the first SET, before the counter is read, so
// two writers never read the same value.
// params: $queries (write query names), $full (boolean), $learnerIds, $credentialIds, $postingIds, $providerIds
// returns: seq
MERGE (m:GraphMeta {key: 'read-model-changes'})
SET m.locked = true
WITH m
SET m.seq = coalesce(m.seq, 0) + 1
CREATE (:Change {seq: m.seq, at: datetime(), queries: $queries, full: $full, learnerIds: $learnerIds,
  credentialIds: $credentialIds, postingIds: $postingIds, providerIds: $providerIds})
RETURN m.seq AS seq
