// Migration 160: index on JobPosting.portalId, so a portal's own postings list (myJobPostings)
// reads only that portal's postings
// params: none
// returns: nothing
CREATE INDEX job_posting_portal_id IF NOT EXISTS FOR (n:JobPosting) ON (n.portalId)
