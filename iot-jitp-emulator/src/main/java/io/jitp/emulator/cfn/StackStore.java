package io.jitp.emulator.cfn;

import io.jitp.emulator.state.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every stack (deleted ones included, as ListStacks shows them), kept in {@code cloudformation-stacks.json} under
 * the state directory and replaced atomically after each operation, so stacks survive a restart of the stand-in.
 */
final class StackStore {

    /** The state file's name in the state directory. */
    static final String STATE_FILE = "cloudformation-stacks.json";

    /** The persisted document. */
    record Stacks(List<Stack> stacks) {
    }

    private final StateFile<Stacks> file;
    private final List<Stack> stacks = new ArrayList<>();

    /**
     * @param stateDirectory the stand-in's state directory, or {@code null} to keep stacks in memory only
     * @throws IOException naming the file when it exists but cannot be read (never silently reset)
     */
    StackStore(Path stateDirectory) throws IOException {
        this.file = stateDirectory == null ? null : new StateFile<>(stateDirectory.resolve(STATE_FILE), Stacks.class);
        if (file != null) {
            file.load().ifPresent(stored -> stacks.addAll(stored.stacks()));
        }
    }

    /** @return the live stack of that name, or any stack (deleted too) by its stack id */
    Optional<Stack> find(String nameOrId) {
        if (nameOrId.startsWith("arn:")) {
            return stacks.stream().filter(stack -> stack.stackId.equals(nameOrId)).findFirst();
        }
        return stacks.stream().filter(stack -> stack.stackName.equals(nameOrId) && !stack.isDeleted()).findFirst();
    }

    /** @return every stack, oldest first */
    List<Stack> all() {
        return List.copyOf(stacks);
    }

    void add(Stack stack) {
        stacks.add(stack);
    }

    /** Writes all stacks atomically. */
    void save() {
        if (file == null) {
            return;
        }
        try {
            file.save(new Stacks(stacks));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write CloudFormation state file " + file.path(), e);
        }
    }
}
