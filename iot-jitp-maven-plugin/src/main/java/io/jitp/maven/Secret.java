package io.jitp.maven;

/** The secrets the plugin reads, each with the two parameters that may name its source. */
enum Secret {
    /** Encrypts the CA key file. */
    CA_PASSWORD("CA key password", PropertyNames.CA_PASSWORD_SERVER_ID, PropertyNames.CA_PASSWORD_ENV),
    /** Logs into the PKCS#11 token holding the CA key. */
    TOKEN_PIN("PKCS#11 token PIN", PropertyNames.PKCS11_PIN_SERVER_ID, PropertyNames.PKCS11_PIN_ENV);

    private final String description;
    private final String serverIdProperty;
    private final String envProperty;

    Secret(String description, String serverIdProperty, String envProperty) {
        this.description = description;
        this.serverIdProperty = serverIdProperty;
        this.envProperty = envProperty;
    }

    /** @return what the secret is, for messages */
    String description() {
        return description;
    }

    /** @return the property naming a settings.xml server that holds it */
    String serverIdProperty() {
        return serverIdProperty;
    }

    /** @return the property naming an environment variable that holds it */
    String envProperty() {
        return envProperty;
    }
}
