package dutygraph.neo4j;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.config.Setting;

/**
 * The local Neo4j for dutygraph: Neo4j Community embedded in its own JVM, with the Bolt connector
 * on loopback, so every Bolt client (our Node service, cypher-shell, the Neo4j Browser) treats it
 * as a real server. Prints one ready line on stdout and shuts down cleanly on SIGTERM/SIGINT, or
 * when the parent process it watches (--parent-pid) dies, so no JVM outlives the service.
 *
 * Usage: LocalNeo4j --data-dir DIR [--bolt-port 7687] [--http-port 7474|0] [--parent-pid PID]
 * Environment: NEO4J_PASSWORD (auth on when set), NEO4J_PAGECACHE (e.g. 512m),
 * NEO4J_TX_TIMEOUT (e.g. 60s), NEO4J_TX_MEMORY (per transaction; default half the heap).
 * Run under {@link Supervisor}, which starts it again when it dies.
 */
public final class LocalNeo4j {
    public static final String READY_PREFIX = "dutygraph-neo4j ready";

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String password = envOr("NEO4J_PASSWORD", "");
        if (!password.isEmpty()) applyPassword(options, password);
        DatabaseManagementService service = buildService(options, true, !password.isEmpty());
        CountDownLatch stopped = new CountDownLatch(1);
        BrowserServer browser = null;

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("shutting down");
            service.shutdown();
            stopped.countDown();
        }, "dutygraph-neo4j-shutdown"));

        if (options.httpPort > 0) {
            browser = BrowserServer.start(options.httpPort, options.boltPort);
        }
        if (options.parentPid > 0) {
            ParentWatch.exitWhenGone(options.parentPid, LocalNeo4j::log);
        }
        System.out.println(READY_PREFIX + " bolt=bolt://127.0.0.1:" + options.boltPort
                + (browser != null ? " browser=http://127.0.0.1:" + options.httpPort + "/browser/" : "")
                + " pid=" + ProcessHandle.current().pid());
        System.out.flush();
        stopped.await();
    }

    private static DatabaseManagementService buildService(Options options, boolean bolt, boolean auth) {
        Map<Setting<?>, Object> config = new HashMap<>();
        config.put(BoltConnector.enabled, bolt);
        config.put(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.boltPort));
        config.put(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", options.boltPort));
        config.put(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED);
        // Analysts' Cypher must never read the server's own files.
        config.put(GraphDatabaseSettings.allow_file_urls, false);
        config.put(GraphDatabaseSettings.auth_enabled, auth);
        // A transaction whose tracked memory (collect, sort, distinct, aggregation, transaction
        // state) passes its share of the heap fails with MemoryLimitExceeded instead of taking the
        // server down. Expressions Neo4j does not track can still exhaust the heap: the JVM then
        // exits (-XX:+ExitOnOutOfMemoryError) and the Supervisor starts it again.
        long heap = Runtime.getRuntime().maxMemory();
        config.put(GraphDatabaseSettings.memory_transaction_max_size, parseBytes("NEO4J_TX_MEMORY", envOr("NEO4J_TX_MEMORY", String.valueOf(heap / 2))));
        config.put(GraphDatabaseSettings.memory_transaction_global_max_size, heap * 7 / 10);
        config.put(GraphDatabaseSettings.transaction_timeout,
                parseDuration(envOr("NEO4J_TX_TIMEOUT", "60s")));
        // Time limits are enforced by a monitor that looks every 2 s by default: a limit then
        // holds only to within 2 s, and a transaction shorter than that outlives any limit.
        config.put(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100));
        config.put(GraphDatabaseSettings.pagecache_memory, parseBytes("NEO4J_PAGECACHE", envOr("NEO4J_PAGECACHE", "512m")));
        config.put(GraphDatabaseSettings.preallocate_logical_logs, false);
        config.put(GraphDatabaseSettings.keep_logical_logs, "1 days");
        // The databases checkpoint and stop in well under a second; Netty's default graceful
        // quiet periods would then keep the process alive ~10 s more, which makes `db stop`
        // and Ctrl-C feel hung. Open connections are still closed before exit.
        config.put(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        config.put(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2));
        config.put(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(2));
        return new DatabaseManagementServiceBuilder(options.dataDir).setConfig(config).build();
    }

    /**
     * Makes `password` the neo4j user's password (no change required at first login). Runs with
     * Bolt closed, so no client ever meets the server with the default or an old password; skipped
     * when the data folder records that this password is already set.
     */
    private static void applyPassword(Options options, String password) throws Exception {
        Path marker = options.dataDir.resolve("dutygraph-password.sha256");
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        if (Files.exists(marker) && Files.readString(marker).trim().equals(digest)) return;
        DatabaseManagementService offline = buildService(options, false, true);
        try {
            offline.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } finally {
            offline.shutdown();
        }
        Files.writeString(marker, digest + "\n");
        Files.setPosixFilePermissions(marker, PosixFilePermissions.fromString("rw-------"));
        log("password set");
    }

    static void log(String message) {
        System.err.println("[dutygraph-neo4j] " + message);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Parses "60s", "5m", "1h" or plain seconds. */
    static Duration parseDuration(String text) {
        String t = text.toLowerCase();
        try {
            if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            if (t.endsWith("s")) return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            if (t.endsWith("h")) return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("NEO4J_TX_TIMEOUT: expected a duration like 60s, 5m or 1h, got " + text);
        }
    }

    /** Parses "512m", "1g", "64k" or plain bytes. */
    static long parseBytes(String name, String text) {
        String t = text.toLowerCase();
        try {
            long unit = 1;
            if (t.endsWith("k")) unit = 1L << 10;
            else if (t.endsWith("m")) unit = 1L << 20;
            else if (t.endsWith("g")) unit = 1L << 30;
            String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
            return Long.parseLong(digits) * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a size like 512m or 1g, got " + text);
        }
    }

    record Options(Path dataDir, int boltPort, int httpPort, long parentPid) {
        static Options parse(String[] args) {
            Path dataDir = null;
            int boltPort = 7687;
            int httpPort = 7474;
            long parentPid = 0;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--data-dir" -> { dataDir = Path.of(require(args[i], value)).toAbsolutePath(); i++; }
                    case "--bolt-port" -> { boltPort = Integer.parseInt(require(args[i], value)); i++; }
                    case "--http-port" -> { httpPort = Integer.parseInt(require(args[i], value)); i++; }
                    case "--parent-pid" -> { parentPid = Long.parseLong(require(args[i], value)); i++; }
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (dataDir == null) throw new IllegalArgumentException("--data-dir is required");
            return new Options(dataDir, boltPort, httpPort, parentPid);
        }

        private static String require(String flag, String value) {
            if (value == null) throw new IllegalArgumentException(flag + " needs a value");
            return value;
        }
    }

    private LocalNeo4j() {}
}
