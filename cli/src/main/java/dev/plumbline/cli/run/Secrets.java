package dev.plumbline.cli.run;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Fresh random secrets for a one-machine run (Git password, webhook secret). */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
