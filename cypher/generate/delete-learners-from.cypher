// Deletes up to $limit generated learners of a prefix numbered $fromNumber or higher (ids
// `<prefix>learner-<number>`), with their relationships; the caller repeats until none is left.
// Shrinks a population to its first learners, which are the same for any learner count.
// params: $prefix, $fromNumber, $limit
// returns: deleted
MATCH (l:Learner)
WHERE l.id STARTS WITH $prefix + 'learner-' AND toInteger(substring(l.id, size($prefix) + 8)) >= $fromNumber
WITH l LIMIT $limit
DETACH DELETE l
RETURN count(*) AS deleted
