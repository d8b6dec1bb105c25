// Deletes changes older than a date-time, a bounded number at a time (readers further behind
// than the kept window reload in full).
// params: $before (ISO-8601 date-time), $limit
// returns: deleted
MATCH (c:Change)
WHERE c.at < datetime($before)
WITH c LIMIT $limit
DELETE c
RETURN count(*) AS deleted
