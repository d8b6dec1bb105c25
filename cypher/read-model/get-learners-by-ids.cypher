// The given learners (those that exist) with their evidence: every holding with its dates and verification (validity
// is decided per request), declared skills, and matching consent.
// params: $ids (learner ids)
// returns: id, matchingConsent, holdings (list of [credentialId, issuedOn, expiresOn, verificationStatus]: lists, not maps, so a full load does
//   not decode four key strings per holding), declaredSkillUris, displayName (only with matching consent: the
//   model keeps names for rankings alone)
UNWIND $ids AS id
MATCH (l:Learner {id: id})
RETURN l.id AS id, l.matchingConsent = true AS matchingConsent,
  COLLECT { MATCH (l)-[h:HOLDS]->(c:MicroCredential)
            RETURN [c.id, h.issuedOn, h.expiresOn, h.verificationStatus] } AS holdings,
  COLLECT { MATCH (l)-[:DECLARES]->(s:Skill) RETURN s.uri } AS declaredSkillUris,
  CASE WHEN l.matchingConsent = true THEN l.displayName END AS displayName
