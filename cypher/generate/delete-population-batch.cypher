// Deletes up to $limit generated nodes of each kind whose id starts with $prefix (with their
// relationships); the caller repeats until nothing is left. Learners go first so holdings never
// block a credential.
// params: $prefix, $limit
// returns: learners, postings, credentials, providers (nodes deleted by this call)
CALL () { MATCH (n:Learner) WHERE n.id STARTS WITH $prefix WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS learners }
CALL () { MATCH (n:JobPosting) WHERE n.id STARTS WITH $prefix WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS postings }
CALL () { MATCH (n:MicroCredential) WHERE n.id STARTS WITH $prefix WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS credentials }
CALL () { MATCH (n:Provider) WHERE n.id STARTS WITH $prefix WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS providers }
RETURN learners, postings, credentials, providers
