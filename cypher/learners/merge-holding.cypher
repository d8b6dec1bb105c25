// Adds or updates a learner's holding of a credential (both checked to exist beforehand).
// params: $learnerId, $credentialId, $holding (map: issuedOn, expiresOn, verified, evidenceUrl), $now
// returns: learnerId
MATCH (l:Learner {id: $learnerId}), (c:MicroCredential {id: $credentialId})
MERGE (l)-[h:HOLDS]->(c)
ON CREATE SET h.createdAt = $now
SET h.issuedOn = $holding.issuedOn, h.expiresOn = $holding.expiresOn, h.verified = $holding.verified,
    h.evidenceUrl = $holding.evidenceUrl, h.updatedAt = $now, l.updatedAt = $now
RETURN l.id AS learnerId
