// Occupations, each with one page of its essential or optional skills and, for each skill on that
// page, one page of the credentials teaching it: browses in one round trip (the occupation
// resolver looks ahead at the fields a request asks; aliased occupations batch). Orders and maps
// are those of esco/get-occupations-by-uris, esco/get-occupation-skills-page and
// catalog/get-teaching-credentials-page, so the three kinds of page are interchangeable.
// params: $uris (occupation URIs), $relation ('ESSENTIAL' | 'OPTIONAL'), $skillOffset, $skillLimit,
//   $withCourses (false: courseCount 0 and no courses), $courseOffset, $courseLimit
// returns: ownerUri, occupation (map as esco/get-occupations-by-uris), skillCount, skills (list of
//   {position, skill (map as esco/get-occupation-skills-page's items), courseCount, courses (list as
//   catalog/get-teaching-credentials-page's items)}); no row for an unknown occupation
UNWIND $uris AS ownerUri
MATCH (o:Occupation {uri: ownerUri})
CALL (o) {
  MATCH (o)-[:REQUIRES {relation: $relation}]->(s:Skill)
  RETURN count(*) AS skillCount
}
CALL (o) {
  MATCH (o)-[:REQUIRES {relation: $relation}]->(s:Skill)
  WITH s ORDER BY s.preferredLabel, s.uri
  SKIP $skillOffset LIMIT $skillLimit
  // Positions carry the page's order through the subqueries below.
  WITH collect(s) AS page
  UNWIND range(0, size(page) - 1) AS position
  WITH page[position] AS s, position
  CALL (s) {
    MATCH (c:MicroCredential)-[:TEACHES]->(s)
    WHERE $withCourses
    RETURN count(*) AS courseCount
  }
  CALL (s) {
    MATCH (c:MicroCredential)-[:TEACHES]->(s)
    WHERE $withCourses
    WITH c ORDER BY c.title, c.id
    SKIP $courseOffset LIMIT $courseLimit
    OPTIONAL MATCH (c)-[:AWARDED_BY]->(p:Provider)
    OPTIONAL MATCH (c)-[:PART_OF]->(whole:MicroCredential)
    RETURN collect({
      credential: c {
        .*,
        providerId: p.id,
        partOfId: whole.id
      },
      provider: CASE WHEN p IS NULL THEN null ELSE p { .id, .name, .country, .type, .url } END
    }) AS courses
  }
  RETURN collect({
    position: position,
    skill: s { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .skillType, .reuseLevel, .collections },
    courseCount: courseCount,
    courses: courses
  }) AS skills
}
RETURN ownerUri, o { .uri, .preferredLabel, .altLabels, .hiddenLabels, .description, .code, .iscoGroupCode,
           .essentialCount, .optionalCount } AS occupation, skillCount, skills
