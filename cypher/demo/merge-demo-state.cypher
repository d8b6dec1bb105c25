// Records how far the demo load got: 'loading' before its first write, 'loaded' after its last,
// so that a start interrupted in between is finished by the next start.
// params: $state ('loading' | 'loaded'), $now (ISO date-time)
// returns: state
MERGE (m:GraphMeta {key: 'demo'})
SET m.state = $state, m.updatedAt = $now
RETURN m.state AS state
