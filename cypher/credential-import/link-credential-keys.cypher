// Links identity keys to the credentials they identify; a key already identifying a credential
// keeps it (the first course imported under a key owns it).
// params: $rows (list of {credentialId, keys (list of strings)})
// returns: linked (number of new links)
UNWIND $rows AS row
MATCH (c:MicroCredential {id: row.credentialId})
UNWIND row.keys AS key
MATCH (k:CredentialKey {key: key})
WITH c, k WHERE NOT EXISTS { (k)-[:IDENTIFIES]->(:MicroCredential) }
CREATE (k)-[:IDENTIFIES]->(c)
RETURN count(*) AS linked
