// The display names of the learners among $learnerIds who consented to matching (what a ranking shows).
// params: $learnerIds (list of learner ids)
// returns: id, displayName
UNWIND $learnerIds AS learnerId
MATCH (l:Learner {id: learnerId})
WHERE l.matchingConsent = true AND l.displayName IS NOT NULL
RETURN l.id AS id, l.displayName AS displayName
