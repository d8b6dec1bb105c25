// The record of a completed generation for a prefix (absent while one runs or after a failure).
// params: $key ('population:<prefix>')
// returns: meta (map or null)
OPTIONAL MATCH (m:GraphMeta {key: $key})
RETURN CASE WHEN m IS NULL THEN null ELSE m { .* } END AS meta
