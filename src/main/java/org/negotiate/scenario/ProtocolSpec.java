package org.negotiate.scenario;

import java.util.Map;

/** Which protocol moves the positions, with its parameters (possibly uncertain). */
public record ProtocolSpec(String name, Map<String, Quantity> params)
    implements java.io.Serializable {}
