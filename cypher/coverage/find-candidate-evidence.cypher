// Consenting learners with evidence for any of the given skills at a date: the valid holdings
// whose credentials teach them, and their self-declared ones. Holdings are expanded once per
// credential, not once per (skill, credential) pair: a credential teaching several of the skills
// is common, and its HOLDS relationships are the expensive part (same rows as before).
// params: $skillUris, $asOf (YYYY-MM-DD)
// returns: learnerId, credentialSkills (list of {credentialId, skillUri, verificationStatus}), declaredSkillUris
CALL () {
  UNWIND $skillUris AS uri
  MATCH (:Skill {uri: uri})<-[:TEACHES]-(c:MicroCredential)
  WITH c, collect(uri) AS uris
  MATCH (c)<-[h:HOLDS]-(l:Learner)
  WHERE l.matchingConsent = true
    AND (h.issuedOn IS NULL OR h.issuedOn <= $asOf) AND (h.expiresOn IS NULL OR h.expiresOn > $asOf)
  UNWIND uris AS uri
  RETURN l.id AS learnerId, { credentialId: c.id, skillUri: uri, verificationStatus: h.verificationStatus } AS credentialSkill, null AS declaredUri
  UNION ALL
  UNWIND $skillUris AS uri
  MATCH (:Skill {uri: uri})<-[:DECLARES]-(l:Learner)
  WHERE l.matchingConsent = true
  RETURN l.id AS learnerId, null AS credentialSkill, uri AS declaredUri
}
RETURN learnerId, collect(credentialSkill) AS credentialSkills, collect(declaredUri) AS declaredSkillUris
