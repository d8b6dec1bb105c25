// Migration 170: index on Change.seq, so replicas polling the read model's change log
// (read-model/get-changes-since) and the pruning of old changes read only the entries they need
// params: none
// returns: nothing
CREATE INDEX change_seq IF NOT EXISTS FOR (n:Change) ON (n.seq)
