// Migration 171: index on Change.at, so pruning the read model's change log
// (read-model/prune-changes) finds old entries without scanning the log
// params: none
// returns: nothing
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at)
