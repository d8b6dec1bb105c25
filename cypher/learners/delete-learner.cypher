// Deletes a learner with all their personal data (holdings, declarations, targets); the catalog stays.
// params: $learnerId
// returns: deleted (number of learners deleted, 0 or 1)
MATCH (l:Learner {id: $learnerId})
DETACH DELETE l
RETURN count(*) AS deleted
