package dutygraph.neo4j;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the local Neo4j running: starts {@link LocalNeo4j} in a child JVM and starts it again when
 * it dies for any reason other than being asked to stop (SIGTERM, SIGINT): an OutOfMemoryError, which
 * -XX:+ExitOnOutOfMemoryError turns into an exit, a crash, a kill). Clients reconnect on their own,
 * so a query that exhausts the heap costs every user a restart of some seconds, not a call to an
 * administrator. A child that keeps dying (more than MAX_RESTARTS within RESTART_WINDOW, e.g. a
 * locked or damaged store) is given up on, and the supervisor exits with its code.
 *
 * The child watches the supervisor's pid, so a SIGKILLed supervisor leaves no Neo4j behind;
 * SIGTERM/SIGINT to the supervisor stop the child cleanly first.
 *
 * Usage: Supervisor [--parent-pid PID] -- JVM_OPTIONS... dutygraph.neo4j.LocalNeo4j ARGS...
 */
public final class Supervisor {
    static final int MAX_RESTARTS = 5;
    static final Duration RESTART_WINDOW = Duration.ofMinutes(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private static volatile Process child;
    private static volatile boolean stopping;

    public static void main(String[] args) throws Exception {
        long parentPid = 0;
        int separator = List.of(args).indexOf("--");
        if (separator < 0 || separator == args.length - 1) throw new IllegalArgumentException("usage: Supervisor [--parent-pid PID] -- CHILD_JVM_ARGS...");
        for (int i = 0; i < separator; i++) {
            if (args[i].equals("--parent-pid") && i + 1 < separator) parentPid = Long.parseLong(args[++i]);
            else throw new IllegalArgumentException("unknown argument: " + args[i]);
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(args).subList(separator + 1, args.length));
        command.add("--parent-pid");
        command.add(String.valueOf(ProcessHandle.current().pid()));

        Runtime.getRuntime().addShutdownHook(new Thread(Supervisor::stopChild, "dutygraph-supervisor-shutdown"));
        if (parentPid > 0) ParentWatch.exitWhenGone(parentPid, Supervisor::log);

        Deque<Instant> restarts = new ArrayDeque<>();
        for (;;) {
            child = new ProcessBuilder(command).inheritIO().start();
            int code = child.waitFor();
            if (stopping) return;
            // Stopped on purpose (SIGINT, e.g. Ctrl-C in a terminal, reaches the whole process
            // group; SIGTERM by someone who meant it): stop too rather than fight them.
            if (code == 0 || code == 128 + 2 || code == 128 + 15) {
                log("Neo4j stopped (code " + code + "); stopping too");
                System.exit(code);
            }
            Instant now = Instant.now();
            restarts.addLast(now);
            while (restarts.peekFirst().isBefore(now.minus(RESTART_WINDOW))) restarts.removeFirst();
            if (restarts.size() > MAX_RESTARTS) {
                log("Neo4j exited with code " + code + " (" + describe(code) + "), the " + restarts.size()
                        + "th time within " + RESTART_WINDOW.toMinutes() + " minutes; giving up");
                System.exit(code == 0 ? 1 : code);
            }
            log("Neo4j exited with code " + code + " (" + describe(code) + "); restarting it");
            Thread.sleep(500);
        }
    }

    private static String describe(int code) {
        if (code == 3) return "out of memory";
        if (code > 128) return "killed by signal " + (code - 128);
        return "unexpected exit";
    }

    private static void stopChild() {
        stopping = true;
        Process running = child;
        if (running == null || !running.isAlive()) return;
        running.destroy();
        try {
            if (!running.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) running.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void log(String message) {
        System.err.println("[dutygraph-supervisor] " + message);
        System.err.flush();
    }

    private Supervisor() {}
}
