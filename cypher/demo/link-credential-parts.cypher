// Links demo micro-credentials to the stacked programme they are part of (the PART_OF link
// catalog/merge-credential writes for partOfId).
// params: $rows (list of {id, partOfId})
// returns: linked
UNWIND $rows AS row
MATCH (part:MicroCredential {id: row.id})
MATCH (whole:MicroCredential {id: row.partOfId})
MERGE (part)-[:PART_OF]->(whole)
RETURN count(*) AS linked
