// Creates a batch of generated providers (ids are new: the generator checks its prefix is unused).
// params: $rows (list of {id, name, country, type, url}), $now (ISO timestamp)
// returns: created
UNWIND $rows AS row
CREATE (p:Provider {id: row.id, name: row.name, country: row.country, type: row.type, url: row.url, createdAt: $now, updatedAt: $now})
RETURN count(p) AS created
