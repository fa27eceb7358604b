package dev.plumbline.sandbox.launch;

/** Walks a main's command line option by option; a problem is an {@link IllegalArgumentException} naming it. */
public final class Options {

    private static final int HIGHEST_PORT = 65535;

    private final String[] args;
    private int index = -1;

    public Options(String[] args) {
        this.args = args.clone();
    }

    /** Moves to the next option; false once there is none. */
    public boolean next() {
        index++;
        return index < args.length;
    }

    /** The current option, e.g. {@code --port}. */
    public String name() {
        return args[index];
    }

    /** The value that follows the current option, which it then skips. */
    public String value() {
        if (index + 1 >= args.length) {
            throw new IllegalArgumentException(name() + " needs a value");
        }
        return args[++index];
    }

    /** The value as a port from {@code lowest} (0: a free one is picked) to 65535. */
    public int port(int lowest) {
        String option = name();
        String value = value();
        try {
            int port = Integer.parseInt(value);
            if (port >= lowest && port <= HIGHEST_PORT) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the option's name
        }
        throw new IllegalArgumentException(
                option + " takes a number from " + lowest + " to " + HIGHEST_PORT + ", not " + value);
    }

    public IllegalArgumentException unknown() {
        return new IllegalArgumentException("unknown option " + name());
    }
}
