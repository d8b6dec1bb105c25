// The stored REQUIRES counts of one occupation next to the counts of its actual links, so checks
// can see both the figures ranking reads and that they match the graph.
// params: $uri
// returns: essentialCount, optionalCount (stored), essential, optional (counted links); no row when absent
MATCH (o:Occupation {uri: $uri})
RETURN o.essentialCount AS essentialCount,
       o.optionalCount AS optionalCount,
       COUNT { (o)-[r:REQUIRES]->(:Skill) WHERE r.relation = 'ESSENTIAL' } AS essential,
       COUNT { (o)-[r:REQUIRES]->(:Skill) WHERE r.relation = 'OPTIONAL' } AS optional
