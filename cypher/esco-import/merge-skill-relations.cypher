// Links skills to related skills (skillSkillRelations) with relation ESSENTIAL or OPTIONAL.
// Rows whose endpoints are not both in the graph are not written but returned, so the importer
// can report them with their file and row. MERGE makes a re-run add nothing.
// params: $rows (list of {i, from, to, relation})
// returns: i, fromFound, toFound for every row that was not written
UNWIND $rows AS row
OPTIONAL MATCH (a:Skill {uri: row.from})
OPTIONAL MATCH (b:Skill {uri: row.to})
FOREACH (_ IN CASE WHEN a IS NULL OR b IS NULL THEN [] ELSE [1] END |
  MERGE (a)-[r:RELATED_SKILL]->(b) SET r.relation = row.relation)
WITH row, a, b
WHERE a IS NULL OR b IS NULL
RETURN row.i AS i, a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound
