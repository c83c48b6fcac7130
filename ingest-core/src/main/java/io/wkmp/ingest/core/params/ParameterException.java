package io.wkmp.ingest.core.params;

import java.util.List;

/** A parameter value is missing, malformed or out of range; the message names the parameter and the range. */
public class ParameterException extends IllegalArgumentException {
    private final transient Parameter parameter;
    private final transient List<Parameter> parameters;

    public ParameterException(Parameter parameter, String message) {
        this(parameter, parameter == null ? List.of() : List.of(parameter), message);
    }

    /** A rule across {@code parameters} (weights that must sum to 1, an order) broken; {@code parameter} is the first. */
    public ParameterException(Parameter parameter, List<Parameter> parameters, String message) {
        super(message);
        this.parameter = parameter;
        this.parameters = List.copyOf(parameters);
    }

    /** Every parameter the broken rule ties together (one for a value out of its own range), for a form to mark. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** The offending parameter; null for a rule across several parameters with no single culprit. */
    public Parameter parameter() {
        return parameter;
    }
}
