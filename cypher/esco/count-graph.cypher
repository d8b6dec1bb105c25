// Whether the ESCO part of the graph holds any skill (decides whether to load the demo seed).
// params: none
// returns: skills (0 or 1)
MATCH (s:Skill) WITH s LIMIT 1 RETURN count(s) AS skills
