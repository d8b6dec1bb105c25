// Nodes and relationships of the population whose ids start with $prefix.
// params: $prefix
// returns: providers, credentials, learners, postings, awardedBy, teaches, prerequisites, holds, declares, targets, forOccupation, requires
CALL () { MATCH (n:Provider) WHERE n.id STARTS WITH $prefix RETURN count(n) AS providers }
CALL () {
  MATCH (c:MicroCredential) WHERE c.id STARTS WITH $prefix
  RETURN count(c) AS credentials, sum(COUNT { (c)-[:AWARDED_BY]->() }) AS awardedBy,
         sum(COUNT { (c)-[:TEACHES]->() }) AS teaches, sum(COUNT { (c)-[:HAS_PREREQUISITE]->() }) AS prerequisites
}
CALL () {
  MATCH (l:Learner) WHERE l.id STARTS WITH $prefix
  RETURN count(l) AS learners, sum(COUNT { (l)-[:HOLDS]->() }) AS holds,
         sum(COUNT { (l)-[:DECLARES]->() }) AS declares, sum(COUNT { (l)-[:TARGETS]->() }) AS targets
}
CALL () {
  MATCH (j:JobPosting) WHERE j.id STARTS WITH $prefix
  RETURN count(j) AS postings, sum(COUNT { (j)-[:FOR_OCCUPATION]->() }) AS forOccupation, sum(COUNT { (j)-[:REQUIRES]->() }) AS requires
}
RETURN providers, credentials, learners, postings, awardedBy, teaches, prerequisites, holds, declares, targets, forOccupation, requires
