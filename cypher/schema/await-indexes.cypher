// Waits (up to 300 s) until every index is online, so queries after start-up can rely on them.
// params: none
// returns: nothing
CALL db.awaitIndexes(300)
