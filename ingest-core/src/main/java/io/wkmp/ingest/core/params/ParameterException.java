package io.wkmp.ingest.core.params;

/** A parameter value is missing, malformed or out of range; the message names the parameter and the range. */
public class ParameterException extends IllegalArgumentException {
    private final transient Parameter parameter;

    public ParameterException(Parameter parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The offending parameter; null for a rule across several parameters with no single culprit. */
    public Parameter parameter() {
        return parameter;
    }
}
