// Recomputes essentialCount and optionalCount from the REQUIRES relationships, so the counts
// ranking reads never drift from the graph, however often an import ran or was interrupted.
// params: $uris (list of occupation URIs to update, or null for every occupation)
// returns: updated (number of occupations whose counts were set)
MATCH (o:Occupation)
WHERE $uris IS NULL OR o.uri IN $uris
SET o.essentialCount = COUNT { (o)-[r:REQUIRES]->(:Skill) WHERE r.relation = 'ESSENTIAL' },
    o.optionalCount = COUNT { (o)-[r:REQUIRES]->(:Skill) WHERE r.relation = 'OPTIONAL' }
RETURN count(o) AS updated
