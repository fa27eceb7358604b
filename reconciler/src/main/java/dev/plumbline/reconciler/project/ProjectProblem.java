package dev.plumbline.reconciler.project;

/**
 * Why a project an Application names allows nothing, for the Application's condition.
 *
 * @param reason  one word: {@value #CRD_NOT_INSTALLED}, {@value #NOT_FOUND} or {@value #INVALID}
 * @param message what is wrong and who can fix it, in words a person can act on
 */
public record ProjectProblem(String reason, String message) {

    public static final String CRD_NOT_INSTALLED = "ProjectCrdNotInstalled";
    public static final String NOT_FOUND = "ProjectNotFound";
    public static final String INVALID = "InvalidProject";
}
