/**
 * The command line of the launcher's JVM: the flags Neo4j 5.26's own `conf/neo4j.conf` passes
 * (`server.jvm.additional`), minus those only useful for production tuning or profiling.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LAUNCHER_MAIN_CLASS } from './state-file';

/**
 * JVM flags from Neo4j 5.26's default neo4j.conf. Left out on purpose: `-XX:+AlwaysPreTouch`
 * (touches the whole heap at start: slow, and wasteful on a shared 2-core machine) and the
 * profiling aids `-XX:FlightRecorderOptions`, `-XX:+UnlockDiagnosticVMOptions`,
 * `-XX:+DebugNonSafepoints`; TLS flags are moot since Bolt runs unencrypted on loopback.
 */
export const NEO4J_JVM_FLAGS: readonly string[] = [
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dlog4j2.disable.jmx=true',
  '-Dlog4j.layout.jsonTemplate.maxStringLength=32768',
  '-XX:+ExitOnOutOfMemoryError',
  '-Dfile.encoding=UTF-8',
];

/** What varies between launches. */
export interface LauncherCommandOptions {
  readonly classpath: string;
  readonly dataDir: string;
  readonly port: number;
  /** Max heap, JVM syntax (default `1g`). */
  readonly heap?: string;
  /** Neo4j page cache, Neo4j byte syntax (default `512m`). */
  readonly pageCache?: string;
}

/** The arguments for `java` that start the launcher. */
export function launcherArgs(options: LauncherCommandOptions): string[] {
  return [
    `-Xmx${options.heap ?? '1g'}`,
    ...NEO4J_JVM_FLAGS,
    '-cp',
    options.classpath,
    LAUNCHER_MAIN_CLASS,
    options.dataDir,
    String(options.port),
    '--pagecache',
    options.pageCache ?? '512m',
  ];
}

/** The `java` executable: `<javaHome>/bin/java` when that exists, else `java` from the PATH. */
export function defaultJavaBin(javaHome?: string): string {
  const home = javaHome;
  if (home !== undefined && home !== '') {
    const candidate = path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (fs.existsSync(candidate)) return candidate;
  }
  return 'java';
}
