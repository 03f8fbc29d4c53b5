#pragma once
// Reading POST /api/v1/capacity/what-if strictly: {"add": {"dboxes", "cnodes"}, "tenants":
// [{"name"?, "quotas", "usedBytes"?, "growthBytesPerDay"?}]}. Unknown keys and wrong types are
// 400, numbers out of range (negative, absurdly large) 422, each with the field's JSON path.

#include "ApiMessage.h"
#include "capacity/Capacity.h"
#include "core/Result.h"

namespace NeoCloud {

Result<WhatIfRequest> readWhatIf(const ApiRequest &request);

} // namespace NeoCloud
