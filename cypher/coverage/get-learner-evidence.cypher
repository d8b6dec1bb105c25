// A learner's evidence at a date: credentials held and valid then (issued on or before, expiring
// after), with the skills they teach, and the learner's self-declared skills.
// params: $learnerId, $asOf (YYYY-MM-DD)
// returns: found (boolean), credentials (list of {id, skillUris, verificationStatus}), declaredSkillUris
OPTIONAL MATCH (l:Learner {id: $learnerId})
RETURN l IS NOT NULL AS found,
  COLLECT { MATCH (l)-[h:HOLDS]->(c:MicroCredential)
            WHERE (h.issuedOn IS NULL OR h.issuedOn <= $asOf) AND (h.expiresOn IS NULL OR h.expiresOn > $asOf)
            RETURN { id: c.id, skillUris: COLLECT { MATCH (c)-[:TEACHES]->(s:Skill) RETURN s.uri },
                     verificationStatus: h.verificationStatus } } AS credentials,
  COLLECT { MATCH (l)-[:DECLARES]->(s:Skill) RETURN s.uri } AS declaredSkillUris
