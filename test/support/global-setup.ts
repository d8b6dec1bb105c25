// placeholder: replaced once the local Neo4j module lands
export default async function setup(): Promise<void> {}
