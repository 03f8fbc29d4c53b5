#pragma once
// A tenant's S3 access keys over AccessKeyService: listed without their secrets; creating or
// rotating one hands the secret back exactly once, in the answer, and never stores it here.

#include "ReadListModel.h"
#include "tenancy/AccessKeyService.h"

#include <QVariantMap>
#include <QtQmlIntegration>

namespace NeoCloud {

class AccessKeyModel : public NeoCloud::ReadListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AccessKeyModel is provided by TenantDetail.")

public:
    enum Roles {
        KeyIdRole = Qt::UserRole + 1,
        UsernameRole,
        AccessKeyRole, // the public half
        StateRole, // active, revoked
        CreatedAtRole, // local QDateTime
        RotatedAtRole, // local QDateTime, invalid when never rotated
        RevokedAtRole,
    };
    Q_ENUM(Roles)

    explicit AccessKeyModel(AccessKeyService &keys, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void show(const QString &tenantId);

    // Each returns {ok: true, username, accessKey, secretKey} (the only time the secret is
    // seen) or {ok: false, field, message} with the backend's refusal.
    Q_INVOKABLE QVariantMap createKey(const QString &username);
    Q_INVOKABLE QVariantMap rotateKey(const QString &keyId);
    // {ok} or {ok: false, field, message}.
    Q_INVOKABLE QVariantMap revokeKey(const QString &keyId);

private:
    QVariantMap issued(const Result<IssuedKey> &result);
    void reload();

    AccessKeyService &m_service;
    QString m_tenantId;
    QList<AccessKey> m_keys;
};

} // namespace NeoCloud
