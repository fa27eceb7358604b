package dev.plumbline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The images profile builds the images that deploy/ and docker-compose.yml run. */
class ImagesProfileTest {

    private static final Pattern IMAGES_PROFILE =
            Pattern.compile("(?s)<profile>\\s*(?:<!--.*?-->\\s*)?<id>images</id>(.*?)</profile>");

    @ParameterizedTest
    @EnumSource(PlumblineService.class)
    void everyServiceBuildsItsImageWithJibUnderTheNameDeployRuns(PlumblineService service) {
        String pom = Repo.read(service.id() + "/pom.xml");

        assertThat(pom)
                .contains("<artifactId>plumbline-service-parent</artifactId>")
                .contains("<plumbline.image>" + service.id() + "</plumbline.image>");
        assertThat(imagesProfile("service-parent/pom.xml"))
                .contains("<artifactId>quarkus-container-image-jib</artifactId>")
                .contains("<quarkus.container-image.name>${plumbline.image}</quarkus.container-image.name>");
    }

    @Test
    void theParentNamesEveryImagePlumblineAtTheProjectVersionAndKeepsItAsATarball() {
        String profile = imagesProfile("pom.xml");

        assertThat(profile)
                .contains("<quarkus.container-image.group>plumbline</quarkus.container-image.group>")
                .contains("<quarkus.container-image.tag>${project.version}</quarkus.container-image.tag>")
                .contains("<quarkus.container-image.build>true</quarkus.container-image.build>")
                .contains("deploy/images/jib-image-tarball</quarkus.jib.docker-executable-name>")
                .contains("${project.build.directory}/jib-image.tar<");
        assertThat(Files.isExecutable(Repo.path("deploy/images/jib-image-tarball")))
                .isTrue();
    }

    @Test
    void theRenderersImageIsBuiltOnABaseThatCarriesKustomize() {
        String profile = imagesProfile("renderer/pom.xml");

        assertThat(profile)
                .contains("<quarkus.jib.base-jvm-image>${plumbline.renderer.base-image}<")
                .contains("<property>plumbline.renderer.base-image</property>");
        assertThat(Repo.read("deploy/images/renderer-base/Dockerfile")).contains("/usr/local/bin/kustomize");
    }

    private static String imagesProfile(String pom) {
        Matcher matcher = IMAGES_PROFILE.matcher(Repo.read(pom));
        assertThat(matcher.find()).as(pom + " has an images profile").isTrue();
        return matcher.group(1);
    }
}
