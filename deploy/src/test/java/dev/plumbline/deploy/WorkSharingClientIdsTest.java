package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plumbline.events.topic.BusAccess;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code plumb app get} names the instance holding an app from the client ids of the services' work-sharing
 * consumers, {@code <channel>@<instance>}, in the groups the {@code plumb} principal may describe. A channel added
 * without its client id, or a group renamed on one side only, would turn its Owner line into "unknown".
 */
class WorkSharingClientIdsTest {

    private static final Pattern GROUP_ID = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.group\\.id");

    @Test
    void everyWorkSharingConsumerNamesItsChannelAndInstance() {
        Map<String, String> clientIdsByChannel = new TreeMap<>();
        Map<String, String> expected = new TreeMap<>();
        workSharingChannels().forEach((channel, properties) -> {
            clientIdsByChannel.put(channel, properties.getProperty(incoming(channel, "client.id")));
            expected.put(channel, channel.substring(channel.indexOf('/') + 1) + "@${plumbline.instance}");
        });

        assertThat(clientIdsByChannel).isNotEmpty().isEqualTo(expected);
    }

    @Test
    void theGroupsPlumbMayDescribeAreTheServicesWorkSharingGroups() {
        Set<String> groupsInUse = new HashSet<>();
        workSharingChannels()
                .forEach((channel, properties) ->
                        groupsInUse.add(properties.getProperty(incoming(channel, "group.id"))));

        assertThat(groupsInUse).containsAll(BusAccess.of(BusAccess.PLUMB).seesGroups());
    }

    /** Per {@code service/channel}, the service's settings, for each channel in its group {@code plumbline-<service>}. */
    private static Map<String, Properties> workSharingChannels() {
        Map<String, Properties> channels = new TreeMap<>();
        for (PlumblineService service : PlumblineService.values()) {
            Properties properties = Repo.properties(service.id() + "/src/main/resources/application.properties");
            for (String name : properties.stringPropertyNames()) {
                Matcher groupId = GROUP_ID.matcher(name);
                if (groupId.matches() && properties.getProperty(name).equals("plumbline-" + service.id())) {
                    channels.put(service.id() + "/" + groupId.group(1), properties);
                }
            }
        }
        return channels;
    }

    private static String incoming(String channel, String setting) {
        return "mp.messaging.incoming." + channel.substring(channel.indexOf('/') + 1) + "." + setting;
    }
}
