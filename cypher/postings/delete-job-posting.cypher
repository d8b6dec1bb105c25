// Deletes a job posting with its requirements (REQUIRES) and occupation link; the skills and the
// occupation stay. Runs after lock-job-posting and the owner check in the same transaction.
// params: $postingId
// returns: deleted (boolean)
OPTIONAL MATCH (j:JobPosting {id: $postingId})
CALL (j) {
  WITH j WHERE j IS NOT NULL
  DETACH DELETE j
  RETURN count(*) AS removed
}
RETURN removed > 0 AS deleted
