// Which of the given providers and micro-credentials already exist, so an import can report what it
// created and what it updated. Run in the import's own write transaction.
// params: $providerIds, $credentialIds (lists, may be empty)
// returns: providerIds (the existing ones), credentialIds (the existing ones)
CALL () { UNWIND $providerIds AS id MATCH (p:Provider {id: id}) RETURN collect(p.id) AS providerIds }
CALL () { UNWIND $credentialIds AS id MATCH (c:MicroCredential {id: id}) RETURN collect(c.id) AS credentialIds }
RETURN providerIds, credentialIds
