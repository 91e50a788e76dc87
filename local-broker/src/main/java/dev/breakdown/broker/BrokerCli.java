package dev.breakdown.broker;

import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.KafkaException;

/** Entry point of local-broker.jar: the local Kafka server and the small topic tools the scripts use. */
public final class BrokerCli {
    private static final String USAGE = """
            usage: java -jar local-broker.jar <command> [options]
              serve                                   run the single-node KRaft broker (LOCAL_BROKER_PORT, LOCAL_BROKER_DATA)
              publish --topic T --file F [--key K]    publish a JSON file (one record; the key defaults to the issue key)
              consume --topic T [--max N] [--timeout S]
                                                      print records from the beginning as JSON lines
              trace --event-ids a,b,c [--timeout S]   print the actions and outcomes that issue events produced
              topics [--partitions N] [--replicas R]  create the architecture's topics where missing
              replay-dlt [--from-offset N] [--max N] [--timeout S]
                                                      copy dead letters from issues-dlt back to issues (key and value
                                                      unchanged), continuing after the last replay (group dlt-replay)
              status [--group G]                      brokers, topics with partitions and end offsets, the lag of
                                                      group G (default agent-gw) per partition, dead letters waiting
            Every command but serve talks to KAFKA_BOOTSTRAP_SERVERS (default localhost:19092); a secured cluster
            also needs KAFKA_SASL_MECHANISM, KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD and KAFKA_CA_CERT.""";

    private BrokerCli() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "serve" : args[0];
        int status;
        try {
            CliArgs options = CliArgs.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
            try {
                status = run(command, options);
            } catch (ExecutionException | KafkaException failed) {
                // Refused or unreachable: Kafka's own reason (e.g. invalid SCRAM credentials) in one line.
                Throwable cause = failed instanceof ExecutionException && failed.getCause() != null
                        ? failed.getCause() : failed;
                System.err.println("local-broker " + command + ": Kafka at " + options.bootstrapServers() + ": "
                        + cause.getMessage());
                status = 1;
            }
        } catch (IllegalArgumentException wrongSetting) {
            // A wrong option or variable (KAFKA_SASL_*, KAFKA_CA_CERT): the message names it.
            System.err.println("local-broker " + command + ": " + wrongSetting.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    private static int run(String command, CliArgs options) throws Exception {
        return switch (command) {
            case "serve" -> LocalKafkaServer.fromEnvironment().run();
            case "publish" -> new TopicPublisher(options.clientProperties()).publish(options);
            case "consume" -> new TopicReader(options.clientProperties()).print(options);
            case "trace" -> new FlowTrace(options.clientProperties()).print(options);
            case "topics" -> new TopicSetup(options.clientProperties()).create(options);
            case "replay-dlt" -> new DltReplay(options.clientProperties()).replay(options);
            case "status" -> new ClusterStatus(options.clientProperties()).print(options);
            default -> {
                System.err.println("unknown command '" + command + "'\n" + USAGE);
                yield 2;
            }
        };
    }
}
