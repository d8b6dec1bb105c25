// Learners by id with their holdings, declared skills and targets.
// params: $ids
// returns: learner (map incl. holdings [{credentialId, issuedOn, expiresOn, verified, evidenceUrl,
//          verificationStatus, verificationChecks (JSON text), verificationIssuer, verificationCheckedAt}], declaredSkillUris, targetOccupationUris)
UNWIND $ids AS id
MATCH (l:Learner {id: id})
RETURN l {
  .id, .displayName, .externalId, .matchingConsent, .createdAt, advisorSubjects: coalesce(l.advisorSubjects, []),
  holdings: COLLECT { MATCH (l)-[h:HOLDS]->(c:MicroCredential)
                      RETURN { credentialId: c.id, issuedOn: h.issuedOn, expiresOn: h.expiresOn, verified: h.verified, evidenceUrl: h.evidenceUrl,
                               verificationStatus: h.verificationStatus, verificationChecks: h.verificationChecks,
                               verificationIssuer: h.verificationIssuer, verificationCheckedAt: h.verificationCheckedAt }
                      ORDER BY h.issuedOn, c.id },
  declaredSkillUris: COLLECT { MATCH (l)-[:DECLARES]->(s:Skill) RETURN s.uri ORDER BY s.uri },
  targetOccupationUris: COLLECT { MATCH (l)-[:TARGETS]->(o:Occupation) RETURN o.uri ORDER BY o.uri }
} AS learner
