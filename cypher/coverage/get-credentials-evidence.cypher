// The skills taught by each of a stack of credentials.
// params: $ids (credential ids)
// returns: id, skillUris (one row per existing credential)
UNWIND $ids AS id
MATCH (c:MicroCredential {id: id})
RETURN c.id AS id, COLLECT { MATCH (c)-[:TEACHES]->(s:Skill) RETURN s.uri } AS skillUris
