// Counts the ESCO nodes and relationships whose URIs start with $prefix ('' for all), for the
// import report and checks; a prefix keeps test data in private namespaces out of the figures.
// The target end is tested with left() on purpose: two index-backed STARTS WITH predicates make
// the planner pair every source with every target (minutes on the full release).
// params: $prefix
// returns: skills, skillGroups, occupations, iscoGroups, requires, skillBroader, inGroup, groupBroader, relatedSkill, occupationBroader, inIscoGroup, iscoBroader
RETURN COUNT { (n:Skill) WHERE n.uri STARTS WITH $prefix } AS skills,
       COUNT { (n:SkillGroup) WHERE n.uri STARTS WITH $prefix } AS skillGroups,
       COUNT { (n:Occupation) WHERE n.uri STARTS WITH $prefix } AS occupations,
       COUNT { (n:IscoGroup) WHERE n.uri STARTS WITH $prefix } AS iscoGroups,
       COUNT { (a:Occupation)-[:REQUIRES]->(b:Skill) WHERE a.uri STARTS WITH $prefix AND left(b.uri, size($prefix)) = $prefix } AS requires,
       COUNT { (a:Skill)-[:BROADER]->(b:Skill) WHERE a.uri STARTS WITH $prefix AND left(b.uri, size($prefix)) = $prefix } AS skillBroader,
       COUNT { (a:Skill)-[:IN_GROUP]->(b:SkillGroup) WHERE a.uri STARTS WITH $prefix AND left(b.uri, size($prefix)) = $prefix } AS inGroup,
       COUNT { (a:SkillGroup)-[:BROADER_GROUP]->(b:SkillGroup) WHERE a.uri STARTS WITH $prefix AND left(b.uri, size($prefix)) = $prefix } AS groupBroader,
       COUNT { (a:Skill)-[:RELATED_SKILL]->(b:Skill) WHERE a.uri STARTS WITH $prefix AND left(b.uri, size($prefix)) = $prefix } AS relatedSkill,
       COUNT { (a:Occupation)-[:BROADER_OCCUPATION]->(b:Occupation) WHERE a.uri STARTS WITH $prefix AND left(b.uri, size($prefix)) = $prefix } AS occupationBroader,
       COUNT { (a:Occupation)-[:IN_ISCO_GROUP]->(b:IscoGroup) WHERE a.uri STARTS WITH $prefix AND left(b.uri, size($prefix)) = $prefix } AS inIscoGroup,
       COUNT { (a:IscoGroup)-[:BROADER_ISCO]->(b:IscoGroup) WHERE a.uri STARTS WITH $prefix AND left(b.uri, size($prefix)) = $prefix } AS iscoBroader
