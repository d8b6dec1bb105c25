// The identity of this database: created once (instance id, creation time), then kept; the schema
// version only ever rises (the highest migration number applied). The unique constraint on
// GraphMeta.key (migration 006) makes concurrent first starts agree on one instance id.
// params: $instanceId, $schemaVersion, $createdAt
// returns: instanceId, schemaVersion, createdAt
MERGE (m:GraphMeta {key: 'database-identity'})
ON CREATE SET m.instanceId = $instanceId, m.createdAt = $createdAt
SET m.schemaVersion = CASE WHEN m.schemaVersion IS NULL OR m.schemaVersion < $schemaVersion THEN $schemaVersion ELSE m.schemaVersion END
RETURN m.instanceId AS instanceId, m.schemaVersion AS schemaVersion, m.createdAt AS createdAt
