// Records which ESCO release the graph holds; written last, so it only claims a completed import.
// importedAt is an ISO-8601 UTC timestamp string; source names where the data came from.
// params: $version, $importedAt, $source
// returns: nothing
MERGE (m:GraphMeta {key: 'esco'})
SET m.version = $version,
    m.importedAt = $importedAt,
    m.source = $source
