package dutygraph.neo4j;

import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Ends this JVM (running its shutdown hooks) once the parent process is gone, even after a SIGKILL of the parent. */
final class ParentWatch {
    static void exitWhenGone(long parentPid, Consumer<String> log) {
        var watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "dutygraph-parent-watch");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleAtFixedRate(() -> {
            if (!ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                log.accept("parent process " + parentPid + " is gone");
                System.exit(0);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    private ParentWatch() {}
}
