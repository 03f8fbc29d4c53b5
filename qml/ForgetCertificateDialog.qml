// Asks before a BMC's pinned certificate is forgotten, in the same words wherever it is asked
// (the device panel, Settings' list): what trusting the next certificate means, and the
// fingerprint pinned now.
import QtQuick

ConfirmDialog {
    property string host
    property string fingerprint

    heading: qsTr("Forget the certificate of %1?").arg(host)
    subheading: qsTr("The next scan or BMC page then trusts the certificate this address presents, whoever "
                     + "presents it, and the health poll follows that scan. Check first that the BMC's certificate "
                     + "was replaced on purpose (new firmware, a board swapped). Pinned now: %1").arg(fingerprint)
    confirmText: qsTr("Forget certificate")
}
