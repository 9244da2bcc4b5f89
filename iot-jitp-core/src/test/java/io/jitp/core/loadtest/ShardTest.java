package io.jitp.core.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jitp.core.InvalidInputException;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

class ShardTest {
    @Test
    void parsesKOfNZeroBased() {
        assertEquals(new Shard(2, 3), Shard.parse(" 2/3 "));
        assertEquals(Shard.WHOLE, Shard.parse(null));
        assertEquals(Shard.WHOLE, Shard.parse(""));
        assertThrows(InvalidInputException.class, () -> Shard.parse("3/3"));
        assertThrows(InvalidInputException.class, () -> Shard.parse("1of3"));
        assertThrows(InvalidInputException.class, () -> Shard.parse("0/0"));
    }

    @Test
    void shardsSliceTheDevicesDisjointlyAndCompletely() {
        for (int count = 1; count <= 4; count++) {
            Set<Integer> seen = new HashSet<>();
            int shares = 0;
            for (int k = 0; k < count; k++) {
                Shard shard = new Shard(k, count);
                shares += shard.share(10);
                for (int device = 0; device < 10; device++) {
                    if (shard.owns(device)) {
                        assertEquals(true, seen.add(device), "device " + device + " in two shards");
                    }
                }
            }
            assertEquals(10, seen.size());
            assertEquals(10, shares);
        }
        assertEquals(4, new Shard(0, 3).share(10));
        assertEquals(3, new Shard(2, 3).share(10));
    }
}
