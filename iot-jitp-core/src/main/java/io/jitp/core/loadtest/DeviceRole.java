package io.jitp.core.loadtest;

/** What a load-test device does; its id is the seed's prefix and a number ({@code pub0}, {@code sub3}). */
public enum DeviceRole {
    /** Sends to {@code loadtest/<id>} at a fixed rate. */
    PUBLISHER("pub"),
    /** Receives every publisher's messages and forwards each to {@code loadtest}. */
    SUBSCRIBER("sub"),
    /** Receives the forwards, to time publish-to-forward. */
    COLLECTOR("collector");

    private final String prefix;

    DeviceRole(String prefix) {
        this.prefix = prefix;
    }

    /** @return the id prefix */
    public String prefix() {
        return prefix;
    }

    /** @param number the device number @return its id */
    public String id(int number) {
        return prefix + number;
    }

    /**
     * @param id an id of this role
     * @return its number, or -1 if the id is not of this role
     */
    public int number(String id) {
        if (!id.startsWith(prefix) || id.length() == prefix.length()) {
            return -1;
        }
        int value = 0;
        for (int i = prefix.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9' || value > (Integer.MAX_VALUE - 9) / 10) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
