// The portal owning a job posting, read after it is locked in the writing transaction.
// params: $postingId
// returns: portalId (null when the posting is new or has no portal)
MATCH (j:JobPosting {id: $postingId})
RETURN j.portalId AS portalId
