// The holder of an imported credential: the learner with its externalId when the document
// identifies the holder, else the learner whose id the import derived from the document. MERGE on
// a unique key (learner_external_id_unique, learner_id) serialises concurrent imports for one
// person onto one record.
// params: $learner (map: id, displayName, externalId, matchingConsent), $now
// returns: id, created (boolean)
CALL () {
  WITH $learner AS input WHERE input.externalId IS NOT NULL
  MERGE (l:Learner {externalId: input.externalId})
  ON CREATE SET l.id = input.id, l.displayName = input.displayName, l.matchingConsent = input.matchingConsent,
                l.createdAt = $now, l.updatedAt = $now, l._created = true
  RETURN l
  UNION
  WITH $learner AS input WHERE input.externalId IS NULL
  MERGE (l:Learner {id: input.id})
  ON CREATE SET l.displayName = input.displayName, l.matchingConsent = input.matchingConsent,
                l.createdAt = $now, l.updatedAt = $now, l._created = true
  RETURN l
}
WITH l, l._created IS NOT NULL AS created
REMOVE l._created
RETURN l.id AS id, created
