// Grants or revokes an advisor's read access to a learner (advisors are identified by their token subject).
// params: $learnerId, $advisorSubject, $grant (boolean), $now
// returns: advisorSubjects
MATCH (l:Learner {id: $learnerId})
WITH l, [s IN coalesce(l.advisorSubjects, []) WHERE s <> $advisorSubject] AS others
SET l.advisorSubjects = CASE WHEN $grant THEN others + $advisorSubject ELSE others END, l.updatedAt = $now
RETURN l.advisorSubjects AS advisorSubjects
