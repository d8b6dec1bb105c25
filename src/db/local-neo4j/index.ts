/**
 * A real local Neo4j 5.26 without Docker: an embedded Community DBMS in a child JVM, Bolt on
 * 127.0.0.1, no auth. Built from `tools/neo4j-local` with Maven on first use.
 */
export {
  ensureLauncherBuilt,
  findToolDir,
  MAVEN_BUILD_ARGS,
  type EnsureLauncherBuiltOptions,
  type LauncherBuild,
} from './launcher-build';
export { LocalNeo4jError, type LocalNeo4jErrorCode } from './local-neo4j-error';
export { NEO4J_JVM_FLAGS, defaultJavaBin } from './jvm-options';
export {
  startLocalNeo4j,
  DEFAULT_START_TIMEOUT_MS,
  DEFAULT_STOP_GRACE_MS,
  LAUNCHER_LOG_NAME,
  type LocalNeo4jInstance,
  type LocalNeo4jLog,
  type StartLocalNeo4jOptions,
} from './start-local-neo4j';
export {
  resolveLocalNeo4j,
  findRunningLocalNeo4j,
  type ResolveLocalNeo4jOptions,
  type ResolvedLocalNeo4j,
  type RunningLocalNeo4j,
} from './resolve-local-neo4j';
export { readState, stateFilePath, STATE_FILE_NAME, LAUNCHER_MAIN_CLASS, type LocalNeo4jState } from './state-file';
export { pickLocalNeo4jPort, findFreePort, isPortFree, canConnect, DEFAULT_BOLT_PORT } from './tcp-ports';
export { localNeo4jMemory, type LocalNeo4jMemory } from './memory-sizing';
export { superviseLocalNeo4j, type SuperviseOptions, type SupervisedLocalNeo4j } from './supervise-local-neo4j';
