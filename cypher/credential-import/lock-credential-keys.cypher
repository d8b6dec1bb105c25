// Takes the identity keys of a batch of imported courses (normalised URL, provider + normalised
// title), creating missing ones, and says which credential each already identifies. MERGE on the
// unique key locks it until the transaction ends, so two imports of the same course serialise here
// and the second sees the first's credential. Keys are given sorted, so batches lock in one order.
// params: $keys (sorted list of strings)
// returns: key, credentialId (or null when the key identifies no credential yet)
UNWIND $keys AS key
MERGE (k:CredentialKey {key: key})
WITH k
OPTIONAL MATCH (k)-[:IDENTIFIES]->(c:MicroCredential)
RETURN k.key AS key, c.id AS credentialId
