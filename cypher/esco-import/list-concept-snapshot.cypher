// Every ESCO concept under $prefix with all its properties and outgoing links inside the prefix:
// a full picture of the imported graph, used to check that two imports ended identical.
// params: $prefix
// returns: uri, labels, properties, links (list of [relationship type, target uri, relationship properties])
MATCH (n)
WHERE (n:Skill OR n:SkillGroup OR n:Occupation OR n:IscoGroup) AND n.uri STARTS WITH $prefix
RETURN n.uri AS uri,
       labels(n) AS labels,
       properties(n) AS properties,
       [(n)-[r]->(m) WHERE m.uri STARTS WITH $prefix | [type(r), m.uri, properties(r)]] AS links
