package io.numicoin.devnet.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of a wallet subcommand group ({@code multisig}, {@code transfer}, {@code history}):
 * {@code --name value} or {@code --name=value} options, the given flags without a value, and
 * positional arguments (the files {@code transfer combine} reads).
 */
record CliArgs(Map<String, String> options, List<String> positionals) {

    static CliArgs parse(List<String> args, Set<String> flags) {
        Map<String, String> options = new HashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positionals.add(arg);
            } else if (arg.contains("=")) {
                options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (flags.contains(arg)) {
                options.put(arg, "true");
            } else if (i + 1 < args.size()) {
                options.put(arg, args.get(++i));
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return new CliArgs(Map.copyOf(options), List.copyOf(positionals));
    }

    String required(String name, String command) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(command + " needs " + name);
        }
        return value;
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    String get(String name, String otherwise) {
        return options.getOrDefault(name, otherwise);
    }
}
