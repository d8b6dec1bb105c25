// Deletes a micro-credential unless a learner holds it (holdings are personal records; retiring a
// course must not erase them).
// params: $id
// returns: found (boolean), holders (number of learners holding it), deleted (boolean)
OPTIONAL MATCH (c:MicroCredential {id: $id})
CALL (c) {
  OPTIONAL MATCH (c)<-[h:HOLDS]-()
  RETURN count(h) AS holders
}
CALL (c, holders) {
  WITH c WHERE c IS NOT NULL AND holders = 0
  DETACH DELETE c
  RETURN count(*) AS removed
}
RETURN c IS NOT NULL AS found, holders, removed > 0 AS deleted
