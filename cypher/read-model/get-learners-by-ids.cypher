// The given learners (those that exist) with their evidence: every holding with its dates and verification (validity
// is decided per request), declared skills, and matching consent.
// params: $ids (learner ids)
// returns: id, matchingConsent, holdings (list of {credentialId, issuedOn, expiresOn, verificationStatus}), declaredSkillUris
UNWIND $ids AS id
MATCH (l:Learner {id: id})
RETURN l.id AS id, l.matchingConsent = true AS matchingConsent,
  COLLECT { MATCH (l)-[h:HOLDS]->(c:MicroCredential)
            RETURN { credentialId: c.id, issuedOn: h.issuedOn, expiresOn: h.expiresOn, verificationStatus: h.verificationStatus } } AS holdings,
  COLLECT { MATCH (l)-[:DECLARES]->(s:Skill) RETURN s.uri } AS declaredSkillUris
