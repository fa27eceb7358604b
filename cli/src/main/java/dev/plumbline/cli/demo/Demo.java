package dev.plumbline.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code plumb demo} against a running system: the set-up, then the story, every step confirmed live. */
public final class Demo {

    /** The story's steps: the plain-YAML app's, then the promotion of a new image. */
    public static final int STEPS = DemoStory.STEPS + 1;

    private Demo() {}

    /**
     * Runs the demo and returns its steps as confirmed.
     *
     * @param run the run's environment (what {@code .plumbline/run/env} holds)
     * @param workFolder where the working copy of the demo repository is made
     * @param announceRepository told the demo repository's URL, to add to the run's environment
     * @param setupOnly stop once the repository and Applications exist and are synced
     * @throws DemoStepException naming the step the live system did not confirm
     */
    @SuppressWarnings("try") // the story reaches the repository through demo; the try only closes it at the end
    public static List<StoryRunner.StepResult> run(
            Map<String, String> run,
            Path workFolder,
            Consumer<String> announceRepository,
            PlumbCli plumb,
            PrintWriter out,
            boolean setupOnly) {
        StoryRunner story = new StoryRunner(out, setupOnly ? 1 : STEPS);
        try (LiveSystem live = new LiveSystem(run)) {
            out.println();
            out.println("Setting up the demo: a config repository and three Applications");
            out.flush();
            DemoSetup setup = new DemoSetup(live, story);
            DemoSetup.Demo demo = setup.create(workFolder, announceRepository);
            try (ConfigRepository repository = demo.repository()) {
                new DemoStory(live, story, plumb).tell(demo, setup, setupOnly);
                if (!setupOnly) {
                    new PromotionStory(live, story, plumb).tell(demo);
                }
            }
        }
        return story.results();
    }
}
