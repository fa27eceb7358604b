package dev.plumbline.cli.testing.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.kafka.KafkaClientProperties;
import dev.plumbline.events.topic.BusAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainLoginsTest {

    private static final Pattern CLIENT_LOGIN = Pattern.compile("username=\"([^\"]+)\" password=\"([^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    void everyPrincipalLogsInWithAPasswordTheBrokerKnows() throws Exception {
        PlainLogins logins = PlainLogins.fresh();

        Path folder = logins.writeClients(dir.resolve("kafka"), "127.0.0.1:32801");

        List<String> users = new ArrayList<>(BusAccess.users());
        users.add(PlainLogins.OPERATOR);
        for (String user : users) {
            Path file = folder.resolve(user + ".properties");
            Map<String, String> settings = KafkaClientProperties.read(file);
            assertThat(settings)
                    .containsEntry("bootstrap.servers", "127.0.0.1:32801")
                    .containsEntry("security.protocol", "SASL_PLAINTEXT")
                    .containsEntry("sasl.mechanism", "PLAIN");
            Matcher login = CLIENT_LOGIN.matcher(settings.get("sasl.jaas.config"));
            assertThat(login.find()).as(user).isTrue();
            assertThat(login.group(1)).isEqualTo(user);
            assertThat(logins.brokerJaasConfig()).contains(" user_" + user + "=\"" + login.group(2) + "\"");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }
}
