// Candidate skills for a free text: the hits of several full-text queries over skill labels (one per
// phrase window of the text, planned by the domain) and of one query over labels and descriptions,
// grouped per skill. Ranking is the domain's job; this only gathers and reports which query hit.
// params: $labelQueries (list of {query, limit} over skill_labels), $textQuery (Lucene query over skill_text), $textLimit
// returns: skill (map), hits (list of {query: index into $labelQueries or -1 for skill_text, score})
CALL () {
  UNWIND range(0, size($labelQueries) - 1) AS i
  CALL db.index.fulltext.queryNodes('skill_labels', $labelQueries[i].query, {limit: $labelQueries[i].limit}) YIELD node, score
  RETURN node, i AS query, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('skill_text', $textQuery, {limit: $textLimit}) YIELD node, score
  RETURN node, -1 AS query, score
}
WITH node, collect({query: query, score: score}) AS hits
RETURN node { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .skillType, .reuseLevel, .collections } AS skill, hits
