// Credential summaries with their providers by id, shaped as the items of get-teaching-credentials-page
// (a cached page of ids is filled with current records).
// params: $ids (credential ids)
// returns: item ({credential (map as get-credentials-by-ids, without skills and prerequisiteUris), provider (map or null)})
UNWIND $ids AS id
MATCH (c:MicroCredential {id: id})
OPTIONAL MATCH (c)-[:AWARDED_BY]->(p:Provider)
OPTIONAL MATCH (c)-[:PART_OF]->(whole:MicroCredential)
RETURN {
  credential: c { .*, providerId: p.id, partOfId: whole.id },
  provider: CASE WHEN p IS NULL THEN null ELSE p { .id, .name, .country, .type, .url } END
} AS item
