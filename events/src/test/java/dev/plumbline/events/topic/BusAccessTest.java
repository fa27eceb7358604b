package dev.plumbline.events.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plumbline.events.PlumblineService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BusAccessTest {

    private static final Path REPOSITORY = Path.of("..");
    /** How the design's topic table names readers that are not services. */
    private static final Map<String, String> PEOPLE = Map.of(
            "SRE teams", BusAccess.AUDIT_READER,
            "CLI", BusAccess.PLUMB,
            "people", BusAccess.PLUMB);

    @Test
    void theDesignTopicTableSaysWhoWritesAndReadsEachTopicExactlyAsTheAclsAllow() throws IOException {
        Map<String, TableRow> table = topicTable(Files.readString(REPOSITORY.resolve("docs/design.md")));

        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(names(Topics.all()));
        table.forEach((topic, row) -> {
            assertThat(principals(BusAccess::writes, topic))
                    .as("who writes %s: the table in docs/design.md against BusAccess", topic)
                    .isEqualTo(row.writers());
            assertThat(principals(BusAccess::reads, topic))
                    .as("who reads %s: the table in docs/design.md against BusAccess", topic)
                    .isEqualTo(row.readers());
        });
    }

    @Test
    void aReaderTheTableNamesThatHasNoPrincipalIsReportedWithItsRow() {
        String table = """
                | topic | key | written by | read by | cleanup | carries |
                |---|---|---|---|---|---|
                | `plumbline.audit` | app | drift-auditor | auditors | delete | records |
                """;

        assertThatThrownBy(() -> topicTable(table))
                .hasMessageContaining("auditors")
                .hasMessageContaining("plumbline.audit");
    }

    @Test
    void everyTopicHasExactlyOneWriterThatCreatesIt() {
        for (TopicSpec topic : Topics.all()) {
            assertThat(BusAccess.all())
                    .as("writers of %s", topic.name())
                    .filteredOn(access -> access.writes().contains(topic.name()))
                    .singleElement()
                    .satisfies(writer -> assertThat(writer.createsTopics()).isTrue());
        }
    }

    @Test
    void theCliAndTheAuditReaderWriteNothingAndCreateNothing() {
        for (String reader : List.of(BusAccess.PLUMB, BusAccess.AUDIT_READER)) {
            assertThat(BusAccess.of(reader).writes()).as(reader).isEmpty();
            assertThat(BusAccess.of(reader).createsTopics()).as(reader).isFalse();
        }
        assertThat(BusAccess.of(BusAccess.AUDIT_READER).reads()).containsExactly(Topics.AUDIT);
        assertThat(PlumblineService.CLI.ownedTopics()).isEmpty();
    }

    @Test
    void noGroupPrefixIsTheBeginningOfAnotherPrincipalsGroups() {
        List<String> prefixes = BusAccess.all().stream()
                .map(BusAccess::groupPrefix)
                .flatMap(Optional::stream)
                .toList();
        for (String prefix : prefixes) {
            assertThat(prefixes)
                    .as("prefixes that %s would also allow", prefix)
                    .filteredOn(other -> other.startsWith(prefix))
                    .containsExactly(prefix);
        }
    }

    @ParameterizedTest
    @EnumSource(value = PlumblineService.class, names = "CLI", mode = EnumSource.Mode.EXCLUDE)
    void everyConsumerGroupAServiceConfiguresBeginsWithItsPrefix(PlumblineService service) throws IOException {
        String module = service.busAccess().user();
        Properties settings = new Properties();
        try (var kit = Files.newBufferedReader(
                REPOSITORY.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"))) {
            settings.load(kit);
        }
        try (var own =
                Files.newBufferedReader(REPOSITORY.resolve(module + "/src/main/resources/application.properties"))) {
            settings.load(own);
        }
        String applicationName = settings.getProperty("quarkus.application.name");
        List<String> groups = settings.stringPropertyNames().stream()
                .filter(key -> key.endsWith(".group.id"))
                .map(key -> settings.getProperty(key).replace("${quarkus.application.name}", applicationName))
                .toList();

        assertThat(groups).isNotEmpty();
        assertThat(groups)
                .allSatisfy(group -> assertThat(group)
                        .startsWith(service.busAccess().groupPrefix().orElseThrow()));
    }

    @ParameterizedTest
    @EnumSource(PlumblineService.class)
    void eachServiceProvisionsExactlyTheTopicsItsPrincipalWrites(PlumblineService service) {
        assertThat(names(service.ownedTopics())).isEqualTo(service.busAccess().writes());
    }

    @Test
    void anUnknownUserIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> BusAccess.of("renderer2"))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("renderer2")
                .hasMessageContaining("git-watcher");
    }

    private record TableRow(Set<String> writers, Set<String> readers) {}

    /** The rows of the topic table: for each topic, the principals its "written by" and "read by" cells name. */
    private static Map<String, TableRow> topicTable(String markdown) {
        Map<String, TableRow> rows = new HashMap<>();
        for (String line : markdown.lines().toList()) {
            if (!line.startsWith("| `plumbline.")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String topic = cells[1].strip().replace("`", "");
            rows.put(topic, new TableRow(principalsIn(cells[3], topic), principalsIn(cells[4], topic)));
        }
        return rows;
    }

    /** "notifier, reconciler (for the status), CLI" is notifier, reconciler and plumb. */
    private static Set<String> principalsIn(String cell, String topic) {
        Set<String> principals = new TreeSet<>();
        String withoutRemarks = cell.replaceAll("\\([^)]*\\)", "");
        for (String name : withoutRemarks.split(",")) {
            String reader = name.strip();
            String user = PEOPLE.getOrDefault(reader, reader);
            if (!BusAccess.users().contains(user)) {
                throw new IllegalArgumentException("the topic table names \"" + reader + "\" for " + topic
                        + ", which is no principal of the bus: name a service, or one of " + PEOPLE.keySet());
            }
            principals.add(user);
        }
        return principals;
    }

    private static Set<String> principals(Function<BusAccess, Set<String>> topicsOf, String topic) {
        return BusAccess.all().stream()
                .filter(access -> topicsOf.apply(access).contains(topic))
                .map(BusAccess::user)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(List<TopicSpec> topics) {
        return topics.stream().map(TopicSpec::name).collect(Collectors.toSet());
    }
}
