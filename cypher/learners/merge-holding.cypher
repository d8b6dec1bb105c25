// Adds or updates a learner's holding of a credential (both checked to exist beforehand).
// params: $learnerId, $credentialId, $holding (map: issuedOn, expiresOn, verified, evidenceUrl,
//         verification (map: status, checksJson, issuer, checkedAt, or null)), $now
// returns: learnerId
MATCH (l:Learner {id: $learnerId}), (c:MicroCredential {id: $credentialId})
MERGE (l)-[h:HOLDS]->(c)
ON CREATE SET h.createdAt = $now
SET h.issuedOn = $holding.issuedOn, h.expiresOn = $holding.expiresOn, h.verified = $holding.verified,
    h.evidenceUrl = $holding.evidenceUrl, h.updatedAt = $now, l.updatedAt = $now,
    h.verificationStatus = $holding.verification.status, h.verificationChecks = $holding.verification.checksJson,
    h.verificationIssuer = $holding.verification.issuer, h.verificationCheckedAt = $holding.verification.checkedAt
RETURN l.id AS learnerId
