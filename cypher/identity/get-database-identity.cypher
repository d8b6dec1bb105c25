// The identity recorded in this database, if any (nulls when none was ever written).
// params: none
// returns: instanceId, schemaVersion, createdAt
OPTIONAL MATCH (m:GraphMeta {key: 'database-identity'})
RETURN m.instanceId AS instanceId, m.schemaVersion AS schemaVersion, m.createdAt AS createdAt
