// Whether a full ESCO import is present: the release recorded by the importer and how many
// occupations have requirements (the generator draws every population from those).
// params: none
// returns: version, source, occupations (with at least one REQUIRES link), skills
OPTIONAL MATCH (m:GraphMeta {key: 'esco'})
CALL () { MATCH (o:Occupation) WHERE EXISTS { (o)-[:REQUIRES]->(:Skill) } RETURN count(o) AS occupations }
CALL () { MATCH (s:Skill) RETURN count(s) AS skills }
RETURN m.version AS version, m.source AS source, occupations, skills
