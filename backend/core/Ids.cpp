#include "Ids.h"

#include <QRandomGenerator>

namespace NeoCloud {

QString newId(QLatin1String prefix)
{
    // 64 random bits: collisions are out of reach for an inventory of any real size, and the
    // UNIQUE/PRIMARY KEY constraints would still refuse one.
    const quint64 bits = QRandomGenerator::system()->generate64();
    return prefix + QLatin1Char('-') + QString::number(bits, 16).rightJustified(16, QLatin1Char('0'));
}

} // namespace NeoCloud
