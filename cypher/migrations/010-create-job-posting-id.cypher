// Migration 010: JobPosting.id is unique
// params: none
// returns: nothing
CREATE CONSTRAINT job_posting_id IF NOT EXISTS FOR (n:JobPosting) REQUIRE n.id IS UNIQUE
