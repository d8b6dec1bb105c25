// The providers owning a credential and the credential it would become part of, read after both
// are locked in the writing transaction, for the ownership check of an upsert or delete.
// params: $credentialId, $partOfId (may be null)
// returns: providerId (null when the credential is new or has no provider), partOfExists (boolean), partOfProviderId
OPTIONAL MATCH (c:MicroCredential {id: $credentialId})
OPTIONAL MATCH (whole:MicroCredential {id: $partOfId})
RETURN [(c)-[:AWARDED_BY]->(p:Provider) | p.id][0] AS providerId,
       whole IS NOT NULL AS partOfExists,
       [(whole)-[:AWARDED_BY]->(p:Provider) | p.id][0] AS partOfProviderId
