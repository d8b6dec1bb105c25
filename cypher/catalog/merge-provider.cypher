// Creates or updates a provider (awarding body).
// params: $provider (map: id, name, country, type, url), $now (ISO timestamp)
// returns: provider (map)
MERGE (p:Provider {id: $provider.id})
ON CREATE SET p.createdAt = $now
SET p.name = $provider.name, p.country = $provider.country, p.type = $provider.type, p.url = $provider.url, p.updatedAt = $now
RETURN p { .id, .name, .country, .type, .url } AS provider
