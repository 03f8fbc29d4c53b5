#include "TenantService.h"

#include "store/TenantRepository.h"

namespace NeoCloud {

TenantService::TenantService(TenantRepository &repository, QObject *parent)
    : QObject(parent)
    , m_repository(repository)
{
}

Result<Page<Tenant>> TenantService::list(int limit, int offset) const
{
    return m_repository.list(limit, offset);
}

Result<int> TenantService::count() const { return m_repository.count(); }

} // namespace NeoCloud
