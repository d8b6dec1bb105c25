// Migration 006: GraphMeta.key is unique (import bookkeeping)
// params: none
// returns: nothing
CREATE CONSTRAINT graph_meta_key IF NOT EXISTS FOR (n:GraphMeta) REQUIRE n.key IS UNIQUE
