// Records demo learners' advisor grants (the property learners/set-advisor-access maintains).
// params: $rows (list of {learnerId, advisorSubjects}), $now
// returns: granted
UNWIND $rows AS row
MATCH (l:Learner {id: row.learnerId})
SET l.advisorSubjects = [s IN coalesce(l.advisorSubjects, []) WHERE NOT s IN row.advisorSubjects] + row.advisorSubjects,
    l.updatedAt = $now
RETURN count(l) AS granted
