package io.jitp.core.pki;

import io.jitp.core.InvalidInputException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What a CA folder holds instead of a key file when the CA key lives in a PKCS#11 token: where the token is and the
 * key's alias. Nothing secret: the PIN is given at each use.
 *
 * @param slot  where the token is
 * @param alias the key's alias (label) in the token
 */
public record CaKeyReference(Pkcs11Slot slot, String alias) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CUSTODY = "pkcs11";

    /** Checks the alias. */
    public CaKeyReference {
        if (alias == null || alias.isBlank()) {
            throw new InvalidInputException("A key in a PKCS#11 token needs an alias (iot.pkcs11.keyAlias)");
        }
    }

    /**
     * @param file a reference file written by {@link #write}
     * @return the reference
     * @throws InvalidInputException naming the file if it is not a key reference
     * @throws IOException           if it cannot be read
     */
    public static CaKeyReference read(Path file) throws IOException {
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (!CUSTODY.equals(node.path("custody").asText()) || !node.path("library").isTextual()
                    || !node.path("alias").isTextual()) {
                throw new InvalidInputException("CA key reference " + file + " is not a PKCS#11 key reference"
                        + " (custody, library, alias); restore it or create the CA again with mvn iot:create-ca");
            }
            Long slotId = node.path("slot").isIntegralNumber() ? node.path("slot").asLong() : null;
            return new CaKeyReference(new Pkcs11Slot(Path.of(node.path("library").asText()), slotId,
                    node.path("slotListIndex").asInt(0)), node.path("alias").asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException("CA key reference " + file + " is not valid JSON ("
                    + e.getOriginalMessage() + "); restore it or create the CA again with mvn iot:create-ca", e);
        }
    }

    /** @return the reference as written to the CA folder */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("custody", CUSTODY);
        node.put("library", slot.library().toString());
        if (slot.slotId() != null) {
            node.put("slot", slot.slotId());
        } else {
            node.put("slotListIndex", slot.slotListIndex());
        }
        node.put("alias", alias);
        return node.toPrettyString() + "\n";
    }

    @Override
    public String toString() {
        return "key '" + alias + "' in the " + slot;
    }
}
