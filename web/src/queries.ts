/** The GraphQL documents the page sends (fields as in schema/schema.graphql). */

export const COVERAGE_FIELDS = `score essentialCoverage optionalCoverage
  requirements { skill { uri preferredLabel } relation status credit matchKind
    evidenceSkill { preferredLabel } evidence { kind credential { id title } occupation { preferredLabel } } }`;

export const PLAN_FIELDS = `status explanation optimal lowerBound objective objectiveValue solver currency
  totalHours totalPrice coverageBefore { essentialCoverage score } coverageAfter { essentialCoverage score }
  uncoverable { preferredLabel } uncoveredWithinBudget { preferredLabel }
  steps { order essentialCoverageAfter scoreAfter newlyCovered { preferredLabel }
    credential { id title workloadHours languages price { amount currency } provider { name } } }`;

export const SEARCH_OCCUPATIONS = `query SearchOccupations($text: String!) { searchOccupations(text: $text, first: 8) { uri preferredLabel code } }`;

export const SEARCH_CREDENTIALS = `query SearchCredentials($text: String!) {
  microCredentials(filter: { text: $text }, first: 8) { nodes { id title workloadHours provider { name } } } }`;

export const SUGGEST_SKILLS = `query SuggestSkills($text: String!) { suggestSkills(text: $text, first: 8) { score skill { uri preferredLabel } } }`;

export const COVERAGE = `query Coverage($subject: SubjectInput!, $target: TargetInput!) {
  coverage(subject: $subject, target: $target) { ${COVERAGE_FIELDS} }
  rankOccupations(subject: $subject, first: 5) { totalCount nodes { occupation { uri preferredLabel } score essentialCoverage } } }`;

export const PLAN = `query Plan($subject: SubjectInput!, $target: TargetInput!, $objective: PlanObjective!, $constraints: PlanConstraintsInput) {
  recommendCourses(subject: $subject, target: $target, objective: $objective, constraints: $constraints) { ${PLAN_FIELDS} } }`;

export const RESKILLING = `query Reskilling($subject: SubjectInput!, $objective: PlanObjective!, $constraints: PlanConstraintsInput) {
  reskillingPaths(subject: $subject, first: 10, candidates: 20, objective: $objective, constraints: $constraints) {
    occupation { uri preferredLabel } reachesFullCoverage currentCoverage { essentialCoverage }
    plan { totalHours totalPrice currency optimal coverageAfter { essentialCoverage } steps { order } } } }`;

export const OCCUPATION_LABEL = `query OccupationLabel($uri: ID!) { occupation(uri: $uri) { uri preferredLabel } }`;
