package org.credgraph.neo4jlocal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Starts an embedded Neo4j 5.26 Community DBMS with only the Bolt connector, on 127.0.0.1, without
 * authentication, for local development and tests.
 *
 * <p>Usage: {@code Launcher <homeDir> <port> [--pagecache 512m] [--ignore-stdin]}
 *
 * <p>Protocol with the parent process:
 *
 * <ul>
 *   <li>stdout carries exactly one line, {@code NEO4J_LOCAL_READY bolt://127.0.0.1:<port>}, once the
 *       default database {@code neo4j} is available.
 *   <li>On a startup failure one line {@code NEO4J_LOCAL_FAILED <kind> <message>} goes to stderr
 *       (kind is {@code store-locked}, {@code port-in-use}, {@code usage} or {@code error}) followed
 *       by the stack trace, and the exit status is 3, 4, 2 or 1 respectively.
 *   <li>When stdin reaches end-of-file (the parent died or closed the pipe), the DBMS is shut down
 *       and the JVM exits, so no orphaned Java process outlives its parent. SIGTERM/SIGINT shut
 *       down cleanly too, through the same shutdown hook.
 * </ul>
 *
 * <p>Neo4j's own logs go to files under {@code <homeDir>/logs}.
 */
public final class Launcher {
    static final String READY = "NEO4J_LOCAL_READY";
    static final String FAILED = "NEO4J_LOCAL_FAILED";
    static final int EXIT_ERROR = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_STORE_LOCKED = 3;
    static final int EXIT_PORT_IN_USE = 4;

    private static final long AVAILABILITY_TIMEOUT_MS = TimeUnit.MINUTES.toMillis(10);
    private static final Object LOCK = new Object();
    private static final CountDownLatch STOPPED = new CountDownLatch(1);
    private static DatabaseManagementService service;
    private static boolean shuttingDown;

    private Launcher() {}

    public static void main(String[] args) {
        Path home = null;
        int port = -1;
        String pagecache = "512m";
        boolean watchStdin = true;
        try {
            int positional = 0;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--pagecache") && i + 1 < args.length) {
                    pagecache = args[++i];
                } else if (arg.startsWith("--pagecache=")) {
                    pagecache = arg.substring("--pagecache=".length());
                } else if (arg.equals("--ignore-stdin")) {
                    watchStdin = false;
                } else if (positional == 0 && !arg.startsWith("--")) {
                    home = Path.of(arg).toAbsolutePath().normalize();
                    positional++;
                } else if (positional == 1 && !arg.startsWith("--")) {
                    port = Integer.parseInt(arg);
                    positional++;
                } else {
                    throw new IllegalArgumentException("unexpected argument: " + arg);
                }
            }
            if (home == null || port < 1 || port > 65535) {
                throw new IllegalArgumentException("expected <homeDir> <port>");
            }
            ByteUnit.parse(pagecache); // validate early
        } catch (RuntimeException e) {
            fail(EXIT_USAGE, "usage", e.getMessage()
                    + " (usage: Launcher <homeDir> <port> [--pagecache 512m] [--ignore-stdin])", null);
            return;
        }

        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "neo4j-local-shutdown"));
        if (watchStdin) {
            Thread watcher = new Thread(Launcher::exitOnStdinEof, "neo4j-local-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        SocketAddress bolt = new SocketAddress("127.0.0.1", port);
        DatabaseManagementService started;
        try {
            started = new DatabaseManagementServiceBuilder(home)
                    .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, bolt)
                    .setConfig(BoltConnector.advertised_address, bolt)
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pagecache))
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "128M size")
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    // Bolt's Netty event loops otherwise idle 2 x 5 s before a shutdown completes.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5))
                    .build();
        } catch (Throwable t) {
            classifyAndFail(t, home, port);
            return;
        }
        synchronized (LOCK) {
            if (shuttingDown) {
                started.shutdown();
                return;
            }
            service = started;
        }

        try {
            GraphDatabaseService db = started.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(AVAILABILITY_TIMEOUT_MS)) {
                fail(EXIT_ERROR, "error", "database '" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME
                        + "' did not become available within " + AVAILABILITY_TIMEOUT_MS + " ms", null);
                return;
            }
        } catch (Throwable t) {
            classifyAndFail(t, home, port);
            return;
        }

        System.out.println(READY + " bolt://127.0.0.1:" + port);
        System.out.flush();

        // Neo4j's worker threads keep the JVM alive anyway; parking main makes that explicit.
        try {
            STOPPED.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads stdin until EOF, then exits the JVM (which runs the shutdown hook). */
    private static void exitOnStdinEof() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone: same as EOF.
        }
        System.err.println("neo4j-local: stdin closed, shutting down");
        System.exit(0);
    }

    /** Shuts the DBMS down once; runs as the JVM shutdown hook. */
    private static void shutdown() {
        DatabaseManagementService toStop;
        synchronized (LOCK) {
            if (shuttingDown) {
                return;
            }
            shuttingDown = true;
            toStop = service;
        }
        try {
            if (toStop != null) {
                long t0 = System.nanoTime();
                toStop.shutdown();
                System.err.println("neo4j-local: shut down cleanly in "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) + " ms");
            }
        } catch (Throwable t) {
            System.err.println("neo4j-local: error during shutdown: " + t);
            t.printStackTrace(System.err);
        } finally {
            STOPPED.countDown();
        }
    }

    private static void classifyAndFail(Throwable t, Path home, int port) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String name = c.getClass().getName();
            if (name.equals("org.neo4j.io.locker.FileLockException")
                    || name.equals("org.neo4j.io.pagecache.impl.FileLockException")) {
                fail(EXIT_STORE_LOCKED, "store-locked", "the Neo4j store in " + home
                        + " is locked by another process (" + c.getMessage() + ")", t);
                return;
            }
            if (c instanceof java.net.BindException) {
                fail(EXIT_PORT_IN_USE, "port-in-use", "cannot bind Bolt to 127.0.0.1:" + port
                        + " (" + c.getMessage() + ")", t);
                return;
            }
        }
        fail(EXIT_ERROR, "error", String.valueOf(t), t);
    }

    private static void fail(int status, String kind, String message, Throwable t) {
        PrintStream err = System.err;
        err.println(FAILED + " " + kind + " " + String.valueOf(message).replace('\n', ' '));
        if (t != null) {
            t.printStackTrace(err);
        }
        err.flush();
        boolean started;
        synchronized (LOCK) {
            started = service != null;
        }
        if (started) {
            System.exit(status); // runs the shutdown hook
        }
        // halt, not exit: build() failed, so there is nothing to shut down, and a half-started
        // lifecycle must not block the exit.
        Runtime.getRuntime().halt(status);
    }
}
