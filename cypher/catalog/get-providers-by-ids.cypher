// Providers by id.
// params: $ids
// returns: provider (map)
UNWIND $ids AS id
MATCH (p:Provider {id: id})
RETURN p { .id, .name, .country, .type, .url } AS provider
