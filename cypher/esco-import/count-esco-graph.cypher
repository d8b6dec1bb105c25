// Counts the ESCO nodes and relationships, for the import report and checks. Relationship types
// are only ever written between the labels of the model, so the type alone counts them.
// params: none
// returns: skills, skillGroups, occupations, iscoGroups, requires, skillBroader, inGroup, groupBroader, relatedSkill, occupationBroader, inIscoGroup, iscoBroader
RETURN COUNT { (:Skill) } AS skills,
       COUNT { (:SkillGroup) } AS skillGroups,
       COUNT { (:Occupation) } AS occupations,
       COUNT { (:IscoGroup) } AS iscoGroups,
       COUNT { ()-[:REQUIRES]->() } AS requires,
       COUNT { ()-[:BROADER]->() } AS skillBroader,
       COUNT { ()-[:IN_GROUP]->() } AS inGroup,
       COUNT { ()-[:BROADER_GROUP]->() } AS groupBroader,
       COUNT { ()-[:RELATED_SKILL]->() } AS relatedSkill,
       COUNT { ()-[:BROADER_OCCUPATION]->() } AS occupationBroader,
       COUNT { ()-[:IN_ISCO_GROUP]->() } AS inIscoGroup,
       COUNT { ()-[:BROADER_ISCO]->() } AS iscoBroader
