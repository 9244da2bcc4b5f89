package io.jitp.emulator.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jitp.emulator.iot.IotRegistry;
import io.jitp.emulator.iot.RegistryListener;
import io.jitp.emulator.iot.RuleAction;
import io.jitp.emulator.iot.SqsAction;
import io.jitp.emulator.iot.TopicRule;
import io.jitp.emulator.mqtt.PublishListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in's rules engine: every enabled topic rule whose {@code FROM} filter (and {@code WHERE}) matches an
 * accepted publish runs its SQS actions (payload as is, or base64 with {@code useBase64}). Rules run on one
 * background thread, off the broker's threads; a rule error is logged and never reaches the broker.
 */
public final class RuleEngine implements PublishListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BACKLOG = 100_000;

    private final IotRegistry registry;
    private final QueueSender queues;
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(BACKLOG), runnable -> {
                Thread thread = new Thread(runnable, "iot-jitp-rules");
                thread.setDaemon(true);
                return thread;
            });
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private volatile List<CompiledRule> rules;

    /**
     * @param registry where topic rules are kept; the engine follows its changes
     * @param queues   sends SQS action messages
     */
    public RuleEngine(IotRegistry registry, QueueSender queues) {
        this.registry = registry;
        this.queues = queues;
        this.rules = compile(registry.topicRules());
        registry.addListener(new RegistryListener() {
            @Override
            public void topicRulesChanged() {
                rules = compile(registry.topicRules());
            }
        });
    }

    @Override
    public void published(String topic, byte[] payload) {
        if (rules.isEmpty()) {
            return;
        }
        try {
            worker.execute(() -> run(topic, payload));
        } catch (RejectedExecutionException e) {
            if (dropped.incrementAndGet() == 1) {
                LOG.warn("Rules engine backlog of {} messages is full; dropping rule executions", BACKLOG);
            }
        }
    }

    /**
     * Runs the matching rules for one message, on the calling thread.
     *
     * @param topic   the topic
     * @param payload the payload
     */
    void run(String topic, byte[] payload) {
        JsonNode json = null;
        boolean parsed = false;
        for (CompiledRule compiled : rules) {
            if (compiled.rule().disabled()) {
                continue;
            }
            if (!parsed && compiled.sql().where().isPresent()) {
                json = parseJson(payload);
                parsed = true;
            }
            try {
                if (compiled.sql().matches(topic, json)) {
                    compiled.rule().actions().forEach(action -> execute(compiled.rule(), action, payload));
                }
            } catch (RuntimeException e) {
                LOG.warn("Topic rule {} failed on a message on {}: {}", compiled.rule().name(), topic, e.toString());
            }
        }
    }

    private void execute(TopicRule rule, RuleAction action, byte[] payload) {
        if (action instanceof SqsAction sqs) {
            String body = sqs.useBase64()
                    ? Base64.getEncoder().encodeToString(payload)
                    : new String(payload, StandardCharsets.UTF_8);
            queues.sendMessage(sqs.queueUrl(), body);
        } else if (reported.add(rule.name() + "/" + action.type())) {
            LOG.info("Topic rule {}: the stand-in does not execute {} actions", rule.name(), action.type());
        }
    }

    private List<CompiledRule> compile(List<TopicRule> topicRules) {
        List<CompiledRule> compiled = new ArrayList<>();
        for (TopicRule rule : topicRules) {
            try {
                compiled.add(new CompiledRule(rule, TopicRuleSql.parse(rule.sql())));
            } catch (IllegalArgumentException e) {
                if (reported.add(rule.name() + "\n" + rule.sql())) {
                    LOG.warn("Topic rule {} will not run: {}", rule.name(), e.getMessage());
                }
            }
        }
        return List.copyOf(compiled);
    }

    private static JsonNode parseJson(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            return null;
        }
    }

    /** @return rule executions dropped because the backlog was full */
    public long droppedExecutions() {
        return dropped.get();
    }

    /** Stops the worker; pending rule executions are abandoned. */
    @Override
    public void close() {
        worker.shutdownNow();
    }
}
