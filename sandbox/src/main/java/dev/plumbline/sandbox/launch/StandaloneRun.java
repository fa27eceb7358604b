package dev.plumbline.sandbox.launch;

import java.util.concurrent.CountDownLatch;

/** How a sandbox server runs as its own JVM: quiet logs, a clear exit on bad usage, one ready line, a clean stop. */
public final class StandaloneRun {

    /** The exit code for a wrong command line. */
    public static final int BAD_USAGE = 2;

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private StandaloneRun() {}

    /**
     * Logs warnings only, unless the level is set: INFO start-up chatter would bury the ready line. Call it before
     * the first class asks for a logger.
     */
    public static void quietLogging() {
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
    }

    /** Says what is wrong, and the usage when there is one (null for none), then exits with {@link #BAD_USAGE}. */
    public static void exitOnBadUsage(String problem, String usage) {
        System.err.println(problem);
        if (usage != null) {
            System.err.println(usage);
        }
        System.exit(BAD_USAGE);
    }

    /** Prints {@code readyLine}, then waits until SIGTERM or Ctrl-C has run {@code stop}. */
    public static void serveUntilStopped(Runnable stop, String shutdownThread, String readyLine)
            throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop.run();
                            stopped.countDown();
                        },
                        shutdownThread));
        System.out.println(readyLine);
        stopped.await();
    }
}
