// The ESCO release recorded by the last import.
// params: none
// returns: version, importedAt, source
OPTIONAL MATCH (m:GraphMeta {key: 'esco'})
RETURN m.version AS version, m.importedAt AS importedAt, m.source AS source
