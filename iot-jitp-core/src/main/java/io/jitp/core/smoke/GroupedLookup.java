package io.jitp.core.smoke;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Answers one question about many keys with few control-plane calls, where each key belongs to groups that can be
 * listed page by page (certificates to their CA, certificates to the policies attached to them). It asks about one
 * key on its own, which also names the key's groups; lists each group not listed yet, which answers every other key
 * found in it; and asks one by one only about the keys no listing answered. A listing is positive evidence only: a
 * key missing from it is asked about on its own, so a listing that is stale, truncated or reordered while paged
 * never changes a verdict, only the number of calls.
 *
 * <p>Two bounds keep it from costing more than asking key by key: a group's listing stops after a quarter as many
 * pages as keys were left when it started (plus one), so a group far larger than the keys asked about is abandoned
 * early; and after {@value #MAX_FRUITLESS} keys in a row whose own answer resolved no other key, the rest are asked
 * about one by one, in parallel.
 *
 * @param <K> the key, e.g. a certificate id
 * @param <V> what is known about it
 */
final class GroupedLookup<K, V> {
    /** Keys in a row that taught nothing about other keys before giving up on groups. */
    static final int MAX_FRUITLESS = 3;

    /**
     * Where answers come from.
     *
     * @param <K> the key
     * @param <V> its value
     */
    interface Source<K, V> {
        /**
         * The authoritative answer about one key.
         *
         * @param key the key
         * @return its value (empty if the key does not exist) and the groups it belongs to
         */
        Answer<V> one(K key);

        /**
         * Lists a group's members page by page, handing each page to {@code page} until it returns false or the
         * group ends. A group that does not exist (any more) lists nothing.
         *
         * @param group the group
         * @param page  takes one page of members and their values; returns whether to fetch the next page
         */
        void list(String group, PageConsumer<K, V> page);
    }

    /**
     * Takes one page of a group's listing.
     *
     * @param <K> the key
     * @param <V> its value
     */
    interface PageConsumer<K, V> {
        /** @param members the page's members and their values @return whether to fetch the next page */
        boolean accept(Map<K, V> members);
    }

    /**
     * One key's own answer.
     *
     * @param value  its value, empty if the key does not exist
     * @param groups the groups it belongs to, which can be listed
     * @param <V>    the value
     */
    record Answer<V>(Optional<V> value, Set<String> groups) {
    }

    private final Source<K, V> source;

    GroupedLookup(Source<K, V> source) {
        this.source = source;
    }

    /**
     * @param keys    the keys to answer
     * @param workers runs the one-by-one questions left at the end in parallel
     * @return every key's value, empty for a key that does not exist
     * @throws IOException if interrupted; a {@link RuntimeException} from the source is passed on as it is
     */
    Map<K, Optional<V>> lookUp(List<K> keys, ExecutorService workers) throws IOException {
        Map<K, Optional<V>> answers = new HashMap<>();
        Set<K> pending = new LinkedHashSet<>(keys);
        Set<String> listed = new HashSet<>();
        int fruitless = 0;
        while (!pending.isEmpty() && fruitless < MAX_FRUITLESS) {
            K key = pending.iterator().next();
            Answer<V> answer = source.one(key);
            pending.remove(key);
            answers.put(key, answer.value());
            int before = pending.size();
            for (String group : answer.groups()) {
                if (listed.add(group)) {
                    list(group, pending, answers);
                }
            }
            fruitless = pending.size() < before ? 0 : fruitless + 1;
        }
        askOneByOne(pending, answers, workers);
        return answers;
    }

    private void list(String group, Set<K> pending, Map<K, Optional<V>> answers) {
        int budget = pending.size() / 4 + 1;
        int[] pages = {0};
        source.list(group, members -> {
            pages[0]++;
            members.forEach((member, value) -> {
                if (pending.remove(member)) {
                    answers.put(member, Optional.of(value));
                }
            });
            return !pending.isEmpty() && pages[0] < budget;
        });
    }

    private void askOneByOne(Set<K> pending, Map<K, Optional<V>> answers, ExecutorService workers)
            throws IOException {
        List<Future<Answer<V>>> futures = new ArrayList<>(pending.size());
        for (K key : pending) {
            futures.add(workers.submit(() -> source.one(key)));
        }
        int i = 0;
        try {
            for (K key : pending) {
                answers.put(key, futures.get(i++).get().value());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while asking the control plane");
        } catch (ExecutionException e) {
            // Source.one throws no checked exception.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause();
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }
}
