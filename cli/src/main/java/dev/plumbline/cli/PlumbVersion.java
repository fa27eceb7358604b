package dev.plumbline.cli;

import picocli.CommandLine.IVersionProvider;

/** The version comes from the jar's manifest, so it can never disagree with the build. */
public final class PlumbVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = PlumbVersion.class.getPackage().getImplementationVersion();
        return new String[] {"plumb " + (version == null ? "(development build)" : version)};
    }
}
