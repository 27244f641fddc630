package newsflow.common.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What operators ask of a stage's consumer group (its members, how far behind it is on its input topic) and the
 * one change they make to it: moving its committed offsets to a point in time so the stage reprocesses from there.
 */
public final class ConsumerGroups implements AutoCloseable {

    /** The state reported for a group the broker does not know. */
    public static final String UNKNOWN = "unknown";

    private final Admin admin;
    private final Duration timeout;

    public ConsumerGroups(KafkaClients kafka, Duration timeout) {
        this.admin = kafka.admin();
        this.timeout = timeout;
    }

    /** One member of a group: the client and host it runs on, and the partitions of the topic it holds. */
    public record Member(String clientId, String host, List<Integer> partitions) {
    }

    /**
     * One partition of the group's topic.
     *
     * @param committed the group's committed offset, null when it has committed none (it starts at the beginning)
     * @param start     the partition's first offset still in the log
     * @param end       the offset the next record will get
     */
    public record PartitionLag(int partition, Long committed, long start, long end) {
        /** Records the group has still to read from this partition. */
        public long lag() {
            return Math.max(0, end - (committed == null ? start : Math.max(committed, start)));
        }
    }

    /**
     * A consumer group on one topic.
     *
     * @param state      the broker's word for it ({@code Stable}, {@code Empty}, {@code Dead} for an unknown group …)
     * @param partitions every partition of the topic, the group's position on it
     */
    public record Group(String id, String topic, String state, List<Member> members, List<PartitionLag> partitions) {
        public long lag() {
            return partitions.stream().mapToLong(PartitionLag::lag).sum();
        }

        public boolean active() {
            return !members.isEmpty();
        }
    }

    /** A committed offset moved: {@code from} null when the group had none for the partition. */
    public record Move(int partition, Long from, long to) {
    }

    /** Thrown instead of moving the offsets of a group that has members: they would overwrite the move. */
    public static final class GroupActiveException extends IllegalStateException {
        public GroupActiveException(String message) {
            super(message);
        }
    }

    /** The group's state and members, and its position on every partition of {@code topic}. */
    public Group describe(String groupId, String topic) {
        ConsumerGroupDescription description = unlessUnknown(() -> get(admin.describeConsumerGroups(List.of(groupId))
                .describedGroups().get(groupId), "describe consumer group " + groupId));
        List<Member> members = description == null ? List.of() : description.members().stream()
                .map(m -> new Member(m.clientId(), m.host(), m.assignment().topicPartitions().stream()
                        .filter(tp -> tp.topic().equals(topic)).map(TopicPartition::partition).sorted().toList()))
                .sorted(Comparator.comparing(Member::clientId))
                .toList();
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, OffsetAndMetadata> committed = committed(groupId);
        Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
        List<PartitionLag> lags = partitions.stream().map(tp -> {
            OffsetAndMetadata c = committed.get(tp);
            return new PartitionLag(tp.partition(), c == null ? null : c.offset(), start.get(tp), end.get(tp));
        }).toList();
        return new Group(groupId, topic, description == null ? UNKNOWN : description.groupState().toString(), members, lags);
    }

    /**
     * Moves the group's committed offset on every partition of {@code topic} to the first record at or after
     * {@code time} (the end of the partition when none is that recent), so the stage, started again, reads from
     * there. Refused while the group has members.
     *
     * @param apply false to only compute the moves
     * @throws GroupActiveException the group has members
     */
    public List<Move> resetToTime(String groupId, String topic, Instant time, boolean apply) {
        Group group = describe(groupId, topic);
        if (group.active()) {
            throw new GroupActiveException(activeMessage(group));
        }
        List<TopicPartition> partitions = partitions(topic);
        Map<TopicPartition, Long> at = offsets(partitions, OffsetSpec.forTimestamp(time.toEpochMilli()));
        Map<Integer, PartitionLag> now = new HashMap<>();
        group.partitions().forEach(p -> now.put(p.partition(), p));
        List<Move> moves = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            PartitionLag current = now.get(tp.partition());
            long to = at.get(tp) < 0 ? current.end() : at.get(tp); // -1: no record at or after the time
            moves.add(new Move(tp.partition(), current.committed(), to));
            offsets.put(tp, new OffsetAndMetadata(to));
        }
        if (apply) {
            try {
                get(admin.alterConsumerGroupOffsets(groupId, offsets).all(), "move the offsets of " + groupId);
            } catch (IllegalStateException e) {
                // a member joined between the check and the move: the broker refuses, say why
                Group again = describe(groupId, topic);
                if (again.active()) {
                    throw new GroupActiveException(activeMessage(again));
                }
                throw e;
            }
        }
        return moves;
    }

    private static String activeMessage(Group group) {
        StringBuilder s = new StringBuilder("consumer group " + group.id() + " has " + group.members().size()
                + " active member(s): ");
        s.append(String.join(", ", group.members().stream().map(m -> m.clientId() + " on " + m.host()).toList()));
        s.append(". Stop every instance of the stage first (they would keep their own positions and commit over the"
                + " change), then run this again.");
        return s.toString();
    }

    private List<TopicPartition> partitions(String topic) {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            return d.partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("topic " + topic + " does not exist (has the pipeline run against this"
                        + " cluster with this kafka.topicPrefix?)", e.getCause());
            }
            throw failed("describe topic " + topic, e);
        } catch (InterruptedException | TimeoutException e) {
            throw failed("describe topic " + topic, e);
        }
    }

    /**
     * Runs a group request; null when the broker does not know the group (it never had members: Kafka 4 says so
     * with an error where older brokers answered with an empty, dead group).
     */
    private static <T> T unlessUnknown(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw e;
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> offsets = unlessUnknown(() -> get(
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(), "read the offsets of " + groupId));
        Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
        if (offsets == null) {
            return present;
        }
        offsets.forEach((tp, o) -> {
            if (o != null) {
                present.put(tp, o);
            }
        });
        return present;
    }

    /** The offset {@code spec} names on each partition; -1 where none does (no record at or after a time). */
    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = get(admin.listOffsets(request).all(),
                "list offsets of " + partitions);
        Map<TopicPartition, Long> out = new HashMap<>();
        result.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    private <T> T get(KafkaFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw failed(what, e);
        }
    }

    private IllegalStateException failed(String what, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (e instanceof TimeoutException) {
            return new IllegalStateException("cannot " + what + ": the broker did not answer within " + timeout, e);
        }
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new IllegalStateException("cannot " + what + ": " + cause.getMessage(), cause);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
