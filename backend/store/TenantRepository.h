#pragma once
// Reads and writes tenants. (Quotas, networks and keys arrive with the tenancy service.)

#include "core/Result.h"
#include "domain/Inventory.h"
#include "domain/Tenancy.h"

namespace NeoCloud {

class Database;

class TenantRepository
{
public:
    explicit TenantRepository(Database &database) : m_db(database) { }

    Status insert(const Tenant &tenant);
    Result<Page<Tenant>> list(int limit, int offset) const;
    Result<int> count() const;

private:
    Database &m_db;
};

} // namespace NeoCloud
