// Which referenced ids and URIs do not exist, checked inside the write transaction before writing.
// params: $providerIds, $skillUris, $credentialIds, $occupationUris, $learnerIds (lists, may be empty)
// returns: missingProviders, missingSkills, missingCredentials, missingOccupations, missingLearners
CALL (){ UNWIND $providerIds AS id OPTIONAL MATCH (n:Provider {id: id}) WITH id, n WHERE n IS NULL RETURN collect(id) AS missingProviders }
CALL (){ UNWIND $skillUris AS uri OPTIONAL MATCH (n:Skill {uri: uri}) WITH uri, n WHERE n IS NULL RETURN collect(uri) AS missingSkills }
CALL (){ UNWIND $credentialIds AS id OPTIONAL MATCH (n:MicroCredential {id: id}) WITH id, n WHERE n IS NULL RETURN collect(id) AS missingCredentials }
CALL (){ UNWIND $occupationUris AS uri OPTIONAL MATCH (n:Occupation {uri: uri}) WITH uri, n WHERE n IS NULL RETURN collect(uri) AS missingOccupations }
CALL (){ UNWIND $learnerIds AS id OPTIONAL MATCH (n:Learner {id: id}) WITH id, n WHERE n IS NULL RETURN collect(id) AS missingLearners }
RETURN missingProviders, missingSkills, missingCredentials, missingOccupations, missingLearners
