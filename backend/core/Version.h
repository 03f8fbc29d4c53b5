#pragma once
// Versions the outside world sees: the product's, and the REST API's (see docs/api-changelog.md).

#include <QLatin1String>

namespace NeoCloud {

inline constexpr QLatin1String productVersion{NEOCLOUD_VERSION};
inline constexpr QLatin1String apiVersion{"1.10"};

} // namespace NeoCloud
