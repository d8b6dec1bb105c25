// Consenting learners with evidence for any of the given skills at a date: the valid holdings
// whose credentials teach them, and their self-declared ones.
// params: $skillUris, $asOf (YYYY-MM-DD)
// returns: learnerId, credentialSkills (list of {credentialId, skillUri}), declaredSkillUris
CALL () {
  UNWIND $skillUris AS uri
  MATCH (:Skill {uri: uri})<-[:TEACHES]-(c:MicroCredential)<-[h:HOLDS]-(l:Learner)
  WHERE l.matchingConsent = true
    AND (h.issuedOn IS NULL OR h.issuedOn <= $asOf) AND (h.expiresOn IS NULL OR h.expiresOn > $asOf)
  RETURN l.id AS learnerId, { credentialId: c.id, skillUri: uri } AS credentialSkill, null AS declaredUri
  UNION ALL
  UNWIND $skillUris AS uri
  MATCH (:Skill {uri: uri})<-[:DECLARES]-(l:Learner)
  WHERE l.matchingConsent = true
  RETURN l.id AS learnerId, null AS credentialSkill, uri AS declaredUri
}
RETURN learnerId, collect(credentialSkill) AS credentialSkills, collect(declaredUri) AS declaredSkillUris
