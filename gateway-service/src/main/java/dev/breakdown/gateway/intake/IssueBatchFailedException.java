package dev.breakdown.gateway.intake;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Records of a batch that failed with an error that may pass; the batch's transaction is rolled back and retried. */
public class IssueBatchFailedException extends RuntimeException {

    private final transient Map<ConsumerRecord<?, ?>, RuntimeException> failures;
    private final transient Map<ConsumerRecord<?, ?>, RuntimeException> deadLetters;

    /**
     * @param failures the records that failed and may succeed later, with why
     * @param deadLetters the records of the batch that cannot succeed (to issues-dlt on the next delivery, not retried)
     */
    public IssueBatchFailedException(Map<ConsumerRecord<?, ?>, RuntimeException> failures,
            Map<ConsumerRecord<?, ?>, RuntimeException> deadLetters) {
        super(failures.size() + " issue record(s) failed, first: " + failures.values().iterator().next(),
                failures.values().iterator().next());
        this.failures = Map.copyOf(failures);
        this.deadLetters = Map.copyOf(deadLetters);
    }

    public Map<ConsumerRecord<?, ?>, RuntimeException> deadLetters() {
        return deadLetters;
    }

    public Map<ConsumerRecord<?, ?>, RuntimeException> failures() {
        return failures;
    }
}
