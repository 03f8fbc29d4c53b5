#pragma once
// The words the console uses for hardware enums, kept apart from the wire spellings in
// domain/Enums.h so the API can stay stable while the UI text changes.

#include "domain/Inventory.h"

#include <QLocale>
#include <QString>

namespace NeoCloud {

QString kindLabel(DeviceKind kind);
QString componentKindLabel(ComponentKind kind, int count = 1);
QString healthLabel(Health health);
// The locale to sort names in: the user's, except that the C locale (services, tests) falls back
// to English, because Qt's C-locale collator ignores numeric mode and would put r10 before r2.
QLocale sortLocale();
// "U5" for a 1U device, "U5–U8" for a taller one, "" when the device has no position.
QString unitRangeText(const Device &device);

} // namespace NeoCloud
