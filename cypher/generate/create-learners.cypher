// Creates a batch of generated learners with holdings, declared skills and target occupations,
// the same shape learners/create-learner and learners/merge-holding write.
// params: $rows (list of {id, displayName, matchingConsent, holdings [{credentialId, issuedOn, expiresOn, verified}], declaredSkillUris, targetOccupationUris}), $now
// returns: created
UNWIND $rows AS row
CREATE (l:Learner {id: row.id, displayName: row.displayName, matchingConsent: row.matchingConsent, createdAt: $now, updatedAt: $now})
WITH l, row
CALL (l, row) {
  UNWIND row.holdings AS holding
  MATCH (c:MicroCredential {id: holding.credentialId})
  CREATE (l)-[:HOLDS {issuedOn: holding.issuedOn, expiresOn: holding.expiresOn, verified: holding.verified, createdAt: $now, updatedAt: $now}]->(c)
}
CALL (l, row) {
  UNWIND row.declaredSkillUris AS uri
  MATCH (s:Skill {uri: uri})
  CREATE (l)-[:DECLARES {declaredAt: $now}]->(s)
}
CALL (l, row) {
  UNWIND row.targetOccupationUris AS uri
  MATCH (o:Occupation {uri: uri})
  CREATE (l)-[:TARGETS]->(o)
}
RETURN count(l) AS created
