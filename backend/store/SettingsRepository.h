#pragma once
// The operator settings table (key → text, from migration 6): one small value per key, read and
// written whole. Tenancy keeps its overcommit ratio here, the console its dashboard links.

#include "core/Result.h"

#include <optional>

namespace NeoCloud {

class Database;

class SettingsRepository
{
public:
    explicit SettingsRepository(Database &database) : m_db(database) { }

    Result<std::optional<QString>> value(const QString &key) const;
    Status setValue(const QString &key, const QString &value);

private:
    Database &m_db;
};

} // namespace NeoCloud
