// Forgets the record of a generation (before wiping or regenerating it).
// params: $key ('population:<prefix>')
// returns: deleted
OPTIONAL MATCH (m:GraphMeta {key: $key})
WITH m, m IS NOT NULL AS found
DELETE m
RETURN found AS deleted
