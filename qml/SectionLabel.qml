// A quiet caption that names a group of cards.
import QtQuick

Text {
    color: Theme.textSecondary
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontOverline + 1
    font.letterSpacing: 1.1
    font.weight: Font.DemiBold
    font.capitalization: Font.AllUppercase
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
