package io.jitp.core.devices;

import io.jitp.core.InvalidInputException;
import io.jitp.core.pki.SubjectProfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Device lists from a count and a prefix; the seed's load test named its devices {@code pub0}, {@code sub0}... */
public final class DeviceSources {
    private DeviceSources() {
    }

    /**
     * @param prefix   id prefix, e.g. {@code device-}
     * @param count    how many devices
     * @param defaults subject attributes shared by all devices
     * @return requests for {@code <prefix>0} to {@code <prefix><count-1>}
     */
    public static List<DeviceRequest> numbered(String prefix, int count, SubjectProfile defaults) {
        if (count < 1) {
            throw new InvalidInputException("iot.deviceCount must be at least 1, not " + count);
        }
        List<DeviceRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(DeviceRequest.generated(prefix + i, defaults));
        }
        return requests;
    }

    /**
     * @param requests device requests from one source
     * @param source   the source, named in the error
     * @throws InvalidInputException if two requests share an id
     */
    static void requireUniqueIds(List<DeviceRequest> requests, String source) {
        Set<String> seen = new HashSet<>();
        for (DeviceRequest request : requests) {
            if (!seen.add(request.id())) {
                throw new InvalidInputException(source + " lists device '" + request.id()
                        + "' twice; each device id must be unique");
            }
        }
    }
}
