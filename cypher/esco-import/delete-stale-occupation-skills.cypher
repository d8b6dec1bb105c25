// Removes an occupation's REQUIRES links to skills the source no longer lists for it, so a sync
// leaves exactly the source's skill list (counts are recomputed afterwards).
// params: $uri (occupation URI), $skillUris (the complete list of its skills)
// returns: deleted (number of links removed)
MATCH (:Occupation {uri: $uri})-[r:REQUIRES]->(s:Skill)
WHERE NOT s.uri IN $skillUris
DELETE r
RETURN count(r) AS deleted
