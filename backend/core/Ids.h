#pragma once
// Opaque identifiers: a short readable prefix and random hex, unique without a database round trip.

#include <QString>

namespace NeoCloud {

QString newId(QLatin1String prefix);

} // namespace NeoCloud
