// One page of a portal's own job postings, ordered by title then id.
// params: $portalId, $offset, $limit
// returns: totalCount, ids (list of job posting ids of the page)
MATCH (j:JobPosting {portalId: $portalId})
WITH j ORDER BY j.title, j.id
WITH collect(j.id) AS members
RETURN size(members) AS totalCount, members[$offset..($offset + $limit)] AS ids
