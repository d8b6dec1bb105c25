// Records a completed generation: its options and when it finished.
// params: $key ('population:<prefix>'), $meta (map: generatorVersion, seed, credentials, learners, postings, providers, referenceDate, prerequisiteShare, generatedAt, loadMillis)
// returns: key
MERGE (m:GraphMeta {key: $key})
SET m += $meta
RETURN m.key AS key
