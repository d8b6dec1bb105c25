// Which of the given skill URIs exist.
// params: $uris
// returns: uri (one row per existing skill)
UNWIND $uris AS uri
MATCH (s:Skill {uri: uri})
RETURN s.uri AS uri
