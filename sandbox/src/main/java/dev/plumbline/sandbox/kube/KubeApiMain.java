package dev.plumbline.sandbox.kube;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded Kubernetes API as its own process:
 * {@code java -cp plumbline-sandbox.jar dev.plumbline.sandbox.kube.KubeApiMain --port 6443 --kubeconfig kubeconfig}.
 * It prints one line, {@code kube-api ready at http://127.0.0.1:PORT kubeconfig=PATH}, once it accepts
 * requests, and stops on SIGTERM or Ctrl-C. Its objects live in memory only. {@code --token-auth-file} accepts the
 * bearer tokens of a kube-apiserver token file. Its faults and traffic are driven over HTTP under {@code /sandbox/}
 * (see {@link KubeApiControl}).
 */
public final class KubeApiMain {

    static final String DEFAULT_KUBECONFIG = "plumbline-sandbox.kubeconfig";

    private KubeApiMain() {}

    public static void main(String[] args) throws InterruptedException {
        int port = 0;
        Path kubeconfig = Path.of(DEFAULT_KUBECONFIG);
        Path tokenFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--kubeconfig" -> kubeconfig = Path.of(value(args, ++i, "--kubeconfig"));
                case "--token-auth-file" -> tokenFile = Path.of(value(args, ++i, "--token-auth-file"));
                case "--help", "-h" -> {
                    System.out.println(usage());
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + usage());
            }
        }
        EmbeddedKubeApi api = new EmbeddedKubeApi();
        if (tokenFile != null) {
            api.withTokenFile(tokenFile);
        }
        api.start(port);
        Path written = api.writeKubeconfig(kubeconfig).toAbsolutePath();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            api.close();
                            stopped.countDown();
                        },
                        "kube-api-shutdown"));
        System.out.println("kube-api ready at " + api.url() + " kubeconfig=" + written);
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + usage());
        }
        return args[index];
    }

    private static String usage() {
        return "usage: KubeApiMain [--port N (0 = a free port, the default)] [--kubeconfig PATH (default "
                + DEFAULT_KUBECONFIG + ")] [--token-auth-file PATH (lines of token,user,uid,\"group1,group2\")]";
    }
}
