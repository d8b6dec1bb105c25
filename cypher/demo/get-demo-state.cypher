// What a start needs to know to seed the demo: whether the graph has ESCO skills, whether an ESCO
// import completed, and how far an earlier demo load got.
// params: none
// returns: skills (count of Skill nodes), escoVersion (null until an ESCO import completes), demoState ('loading', 'loaded' or null)
CALL () { MATCH (s:Skill) RETURN count(s) AS skills }
OPTIONAL MATCH (esco:GraphMeta {key: 'esco'})
OPTIONAL MATCH (demo:GraphMeta {key: 'demo'})
RETURN skills, esco.version AS escoVersion, demo.state AS demoState
