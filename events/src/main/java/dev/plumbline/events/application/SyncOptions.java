package dev.plumbline.events.application;

import java.util.ArrayList;
import java.util.List;

/**
 * Options of a sync, written in the Application as Argo CD writes them: a list of {@code Key=value} strings, such as
 * {@code CreateNamespace=true}.
 *
 * @param createNamespace create the destination namespace before applying, when it does not exist
 */
public record SyncOptions(boolean createNamespace) {

    public static final SyncOptions NONE = new SyncOptions(false);

    private static final List<String> KNOWN = List.of("CreateNamespace=true", "CreateNamespace=false");

    /**
     * Reads {@code Key=value} options; a key is matched as written, a boolean value ignoring case, as Argo CD does.
     *
     * @throws IllegalArgumentException naming each option it does not know and the ones it does
     */
    public static SyncOptions parse(List<String> options) {
        if (options == null || options.isEmpty()) {
            return NONE;
        }
        boolean createNamespace = false;
        List<String> unknown = new ArrayList<>();
        for (String option : options) {
            String text = option == null ? "" : option.strip();
            int equals = text.indexOf('=');
            String key = equals < 0 ? text : text.substring(0, equals);
            String value = equals < 0 ? "" : text.substring(equals + 1);
            if (key.equals("CreateNamespace") && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
                createNamespace = value.equalsIgnoreCase("true");
            } else {
                unknown.add("\"" + text + "\"");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("spec.syncPolicy.syncOptions: unknown option "
                    + String.join(", ", unknown) + "; the options Plumbline knows are " + String.join(", ", KNOWN));
        }
        return new SyncOptions(createNamespace);
    }
}
