// ISCO groups by code, for the ISCO group DataLoader.
// params: $codes (list of ISCO codes)
// returns: group (map of IscoGroup properties)
UNWIND $codes AS code
MATCH (g:IscoGroup {code: code})
RETURN g { .uri, .code, .preferredLabel, .description } AS group
