package io.jitp.core.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The bulk lookup's answers and what they cost, against a registry of keys in groups that counts the calls. */
class GroupedLookupTest {
    private static final ExecutorService WORKERS = Executors.newFixedThreadPool(4);

    @AfterAll
    static void stop() {
        WORKERS.shutdownNow();
    }

    /** Keys with values, each in one group (or none); pages of {@code pageSize} members. */
    private static class Registry implements GroupedLookup.Source<String, String> {
        final Map<String, String> values = new HashMap<>();
        final Map<String, List<String>> groups = new LinkedHashMap<>();
        final Map<String, String> groupOf = new HashMap<>();
        final AtomicInteger ones = new AtomicInteger();
        final AtomicInteger pages = new AtomicInteger();
        final int pageSize;

        Registry(int pageSize) {
            this.pageSize = pageSize;
        }

        Registry add(String group, String prefix, int count) {
            for (int i = 0; i < count; i++) {
                String key = prefix + i;
                values.put(key, "value of " + key);
                if (group != null) {
                    groups.computeIfAbsent(group, g -> new ArrayList<>()).add(key);
                    groupOf.put(key, group);
                }
            }
            return this;
        }

        @Override
        public GroupedLookup.Answer<String> one(String key) {
            ones.incrementAndGet();
            String group = groupOf.get(key);
            return new GroupedLookup.Answer<>(Optional.ofNullable(values.get(key)),
                    group == null ? Set.of() : Set.of(group));
        }

        @Override
        public void list(String group, GroupedLookup.PageConsumer<String, String> page) {
            List<String> members = groups.getOrDefault(group, List.of());
            for (int from = 0; from < members.size(); from += pageSize) {
                pages.incrementAndGet();
                Map<String, String> onePage = new LinkedHashMap<>();
                members.subList(from, Math.min(members.size(), from + pageSize))
                        .forEach(k -> onePage.put(k, values.get(k)));
                if (!page.accept(onePage)) {
                    return;
                }
            }
        }
    }

    private static List<String> keys(String prefix, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(prefix + i);
        }
        return keys;
    }

    @Test
    void aThousandKeysOfOneGroupCostOneQuestionAndFourPages() throws Exception {
        Registry registry = new Registry(250).add("ca", "dev-", 1000);
        Map<String, Optional<String>> answers = new GroupedLookup<>(registry).lookUp(keys("dev-", 1000), WORKERS);
        assertEquals(1000, answers.size());
        assertEquals(Optional.of("value of dev-999"), answers.get("dev-999"));
        assertEquals(1, registry.ones.get());
        assertEquals(4, registry.pages.get());
    }

    @Test
    void listingStopsOnceEveryKeyIsAnswered() throws Exception {
        Registry registry = new Registry(250).add("ca", "dev-", 10).add("ca", "older-", 5000);
        new GroupedLookup<>(registry).lookUp(keys("dev-", 10), WORKERS);
        assertEquals(1, registry.ones.get());
        assertEquals(1, registry.pages.get(), "the asked keys are on the first page");
    }

    @Test
    void unknownKeysAndKeysWithoutGroupAreAskedOneByOneAndUnknownOnesComeBackEmpty() throws Exception {
        Registry registry = new Registry(250).add("ca", "dev-", 20).add(null, "loose-", 3);
        List<String> keys = new ArrayList<>(List.of("gone-0", "gone-1"));
        keys.addAll(keys("dev-", 20));
        keys.addAll(keys("loose-", 3));
        Map<String, Optional<String>> answers = new GroupedLookup<>(registry).lookUp(keys, WORKERS);
        assertEquals(Optional.empty(), answers.get("gone-0"));
        assertEquals(Optional.of("value of loose-2"), answers.get("loose-2"));
        assertEquals(Optional.of("value of dev-19"), answers.get("dev-19"));
        // gone-0, gone-1 (nothing learned), dev-0 (its group answers the other 19), then the 3 loose ones.
        assertEquals(6, registry.ones.get());
        assertEquals(1, registry.pages.get());
    }

    @Test
    void keysOfTwoGroupsListBoth() throws Exception {
        Registry registry = new Registry(250).add("ca-1", "a-", 300).add("ca-2", "b-", 300);
        List<String> keys = new ArrayList<>(keys("a-", 300));
        keys.addAll(keys("b-", 300));
        Map<String, Optional<String>> answers = new GroupedLookup<>(registry).lookUp(keys, WORKERS);
        assertEquals(600, answers.values().stream().filter(Optional::isPresent).count());
        assertEquals(2, registry.ones.get());
        assertEquals(4, registry.pages.get());
    }

    @Test
    void aGroupFarLargerThanTheKeysIsAbandonedAndTheRestAskedOneByOne() throws Exception {
        // The 8 keys asked about are the last of 100,000 members: listing them all would take 10,000 pages.
        Registry registry = new Registry(10).add("policy", "other-", 100_000 - 8).add("policy", "dev-", 8);
        Map<String, Optional<String>> answers = new GroupedLookup<>(registry).lookUp(keys("dev-", 8), WORKERS);
        assertEquals(8, answers.values().stream().filter(Optional::isPresent).count());
        assertEquals(8, registry.ones.get());
        assertEquals(7 / 4 + 1, registry.pages.get(), "a quarter as many pages as keys left, plus one");
    }

    @Test
    void aFailingSourceFailsTheLookup() {
        GroupedLookup.Source<String, String> failing = new Registry(10) {
            @Override
            public GroupedLookup.Answer<String> one(String key) {
                throw new IllegalStateException("AccessDenied");
            }
        };
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new GroupedLookup<>(failing).lookUp(keys("dev-", 3), WORKERS));
        assertEquals("AccessDenied", thrown.getMessage());
    }
}
