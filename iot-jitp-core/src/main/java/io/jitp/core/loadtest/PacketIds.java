package io.jitp.core.loadtest;

import io.netty.util.collection.IntObjectHashMap;

import java.util.ArrayList;
import java.util.List;

/**
 * The packet identifiers of one connection's packets awaiting their acknowledgement (QoS 1 PUBLISH, SUBSCRIBE), and
 * what each belongs to. MQTT allows 1 to 65535 and no identifier twice while in use; a small map, not a 65,535-slot
 * table, because a link has a few dozen in flight at most and a run has thousands of links.
 */
final class PacketIds {
    private static final int MAX = 0xFFFF;

    private final IntObjectHashMap<Object> owners = new IntObjectHashMap<>();
    private int last;

    /**
     * @param owner what the acknowledgement will be for
     * @return an identifier not in use, the one after the last where free
     * @throws IllegalStateException if all 65,535 are in use
     */
    int acquire(Object owner) {
        if (owners.size() >= MAX) {
            throw new IllegalStateException("All 65535 packet identifiers are in use");
        }
        do {
            last = last == MAX ? 1 : last + 1;
        } while (owners.containsKey(last));
        owners.put(last, owner);
        return last;
    }

    /** @return what the identifier was acquired for, null if it was not in use; it is free again */
    Object release(int id) {
        return owners.remove(id);
    }

    /** @return the owners of every identifier in use, all freed */
    List<Object> releaseAll() {
        List<Object> all = new ArrayList<>(owners.values());
        owners.clear();
        return all;
    }
}
