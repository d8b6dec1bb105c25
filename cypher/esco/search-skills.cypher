// Full-text search over skill labels, ranked; an exact label match comes first.
// params: $query (Lucene query built by the domain), $text (the user's text, lower-cased), $limit
// returns: skill (map), score
CALL db.index.fulltext.queryNodes('skill_labels', $query, { limit: $limit * 3 }) YIELD node, score
WITH node, score + CASE WHEN $text IN node.labelKeys THEN 100.0 ELSE 0.0 END AS score
ORDER BY score DESC, node.uri
LIMIT $limit
RETURN node { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .skillType, .reuseLevel, .collections } AS skill, score
