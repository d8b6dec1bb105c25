// Sets whether job portals may match the learner.
// params: $learnerId, $consent (boolean), $now
// returns: learnerId
MATCH (l:Learner {id: $learnerId})
SET l.matchingConsent = $consent, l.consentChangedAt = $now, l.updatedAt = $now
RETURN l.id AS learnerId
