// The skill→skill hierarchy (BROADER links): neighbours a credential or posting may add.
// params: none
// returns: narrowerUri, broaderUri
MATCH (n:Skill)-[:BROADER]->(b:Skill)
RETURN n.uri AS narrowerUri, b.uri AS broaderUri
