// One page of the catalog, filtered, ordered by title then id. Null filters are ignored.
// params: $providerId, $language, $participationForm, $maxHours, $maxPrice, $maxEqfLevel, $teachesSkillUri, $text, $offset, $limit
// returns: totalCount, ids (list of credential ids of the page)
MATCH (c:MicroCredential)
WHERE ($providerId IS NULL OR EXISTS { (c)-[:AWARDED_BY]->(:Provider {id: $providerId}) })
  AND ($language IS NULL OR $language IN c.languages)
  AND ($participationForm IS NULL OR c.participationForm = $participationForm)
  AND ($maxHours IS NULL OR c.workloadHours <= $maxHours)
  AND ($maxPrice IS NULL OR coalesce(c.priceAmount, 0) <= $maxPrice)
  AND ($maxEqfLevel IS NULL OR c.eqfLevel <= $maxEqfLevel)
  AND ($teachesSkillUri IS NULL OR EXISTS { (c)-[:TEACHES]->(:Skill {uri: $teachesSkillUri}) })
  AND ($text IS NULL OR toLower(c.title) CONTAINS $text)
WITH c ORDER BY c.title, c.id
WITH collect(c.id) AS members
RETURN size(members) AS totalCount, members[$offset..($offset + $limit)] AS ids
