// Full-text search over occupation labels, ranked; an exact preferred-label match comes first.
// params: $query (Lucene query built by the domain), $text (the user's text, lower-cased), $limit
// returns: occupation (map), score
CALL db.index.fulltext.queryNodes('occupation_labels', $query, { limit: $limit * 3 }) YIELD node, score
WITH node, score + CASE WHEN toLower(node.preferredLabel) = $text THEN 100.0 ELSE 0.0 END AS score
ORDER BY score DESC, node.uri
LIMIT $limit
RETURN node { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .code, .iscoGroupCode, .essentialCount, .optionalCount } AS occupation, score
