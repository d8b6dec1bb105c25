/**
 * The one error type the local Neo4j module throws, with a machine-readable cause and the tail of
 * the relevant log so that a failure explains itself without opening files.
 */

/** Why starting or building the local Neo4j failed. */
export type LocalNeo4jErrorCode =
  /** Maven (`mvn`) is not on the PATH. */
  | 'MAVEN_NOT_FOUND'
  /** The Maven build of the launcher failed. */
  | 'BUILD_FAILED'
  /** `java` (17+) is not on the PATH (nor in `$JAVA_HOME/bin`). */
  | 'JAVA_NOT_FOUND'
  /** The requested Bolt port is already taken. */
  | 'PORT_IN_USE'
  /** Another process has the data directory's store open. */
  | 'STORE_LOCKED'
  /** The Java process exited before Neo4j was ready. */
  | 'EXITED_EARLY'
  /** Neo4j did not become ready within the start timeout. */
  | 'START_TIMEOUT';

/** An error from building, starting or reusing the local Neo4j. */
export class LocalNeo4jError extends Error {
  /** What went wrong, for callers that react differently per cause. */
  readonly code: LocalNeo4jErrorCode;
  /** The last lines of the launcher's (or Maven's) output, also included in `message`. */
  readonly logTail: readonly string[];

  constructor(code: LocalNeo4jErrorCode, summary: string, logTail: readonly string[] = [], logFile?: string) {
    const parts = [summary];
    if (logTail.length > 0) {
      parts.push(`--- last ${logTail.length} line(s)${logFile === undefined ? '' : ` of ${logFile}`} ---`, ...logTail);
    } else if (logFile !== undefined) {
      parts.push(`(log: ${logFile})`);
    }
    super(parts.join('\n'));
    this.name = 'LocalNeo4jError';
    this.code = code;
    this.logTail = logTail;
  }
}
