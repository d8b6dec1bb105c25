// Preferred labels of all skills (for credential titles).
// params: none
// returns: uri, label
MATCH (s:Skill)
RETURN s.uri AS uri, s.preferredLabel AS label
