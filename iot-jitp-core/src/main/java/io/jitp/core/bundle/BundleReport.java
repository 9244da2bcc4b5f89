package io.jitp.core.bundle;

import java.util.List;
import java.util.Map;

/**
 * What {@link DeviceBundler} did.
 *
 * @param written   devices whose bundle was created or replaced
 * @param unchanged devices whose bundle already held exactly these files
 * @param failed    devices that failed smoke-connect, with the reason: no bundle
 * @param untested  devices smoke-connect did not test: no bundle
 * @param removed   devices whose earlier bundle was deleted because they no longer pass
 */
public record BundleReport(List<String> written, List<String> unchanged, Map<String, String> failed,
                           List<String> untested, List<String> removed) {
    /** Copies the collections. */
    public BundleReport {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        failed = Map.copyOf(failed);
        untested = List.copyOf(untested);
        removed = List.copyOf(removed);
    }

    /** @return devices that have a bundle now */
    public int bundled() {
        return written.size() + unchanged.size();
    }
}
