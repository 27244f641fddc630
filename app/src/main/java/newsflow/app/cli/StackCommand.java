package newsflow.app.cli;

import newsflow.app.stack.LocalStack;
import newsflow.common.config.NewsflowConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** Only the embedded Kafka broker and Elasticsearch node, for running stages as separate processes on one machine. */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = "Start the embedded local Kafka broker and Elasticsearch node and keep them running until Ctrl-C.")
public final class StackCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        NewsflowConfig config = options.load();
        LocalStack stack = LocalStack.start(config);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stop.countDown();
        }, "newsflow-shutdown"));
        System.out.printf("Kafka: %s%nElasticsearch: %s%nCtrl-C stops both.%n",
                stack.config().kafka().bootstrapServers(), stack.config().elasticsearch().url());
        stop.await();
        return 0;
    }
}
