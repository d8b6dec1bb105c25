// Creates the providers an import refers to that do not exist yet. An existing provider is left as
// it is: its record belongs to whoever created or curated it, not to a document naming it.
// params: $providers (list of maps: id, name, country, type, url), $now (ISO timestamp)
// returns: id, created (boolean)
UNWIND $providers AS provider
MERGE (p:Provider {id: provider.id})
ON CREATE SET p.name = provider.name, p.country = provider.country, p.type = provider.type, p.url = provider.url,
              p.createdAt = $now, p.updatedAt = $now, p.importedAt = $now
RETURN p.id AS id, p.createdAt = $now AS created
