package dev.plumbline.driftauditor.audit;

import dev.plumbline.events.AuditVerifier.Problem;

/** Told of each problem found in a trail read back; the service logs it and counts it. */
public interface TrailProblems {

    /**
     * @param problem       the record at fault and why
     * @param continuesFrom the sequence of the app's last record that verifies, which its next record follows; 0 when
     *                      none does and the app's chain starts again at 1
     */
    void found(Problem problem, long continuesFrom);
}
