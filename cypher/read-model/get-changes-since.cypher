// The changes committed after a sequence number, oldest first (a gap before the first one means
// the log was pruned past it and the reader must reload in full).
// params: $since, $limit
// returns: seq, full, learnerIds, credentialIds, postingIds, providerIds (null in changes logged before providers were)
MATCH (c:Change)
WHERE c.seq > $since
RETURN c.seq AS seq, c.full AS full, c.learnerIds AS learnerIds, c.credentialIds AS credentialIds,
  c.postingIds AS postingIds, c.providerIds AS providerIds
ORDER BY seq
LIMIT $limit
