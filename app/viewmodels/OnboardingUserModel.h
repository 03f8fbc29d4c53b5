#pragma once
// The users page of the onboarding wizard: the tenant's first users as typed (username,
// password, role), not yet made; a refusal from the onboarding lands on its row and field.

#include <QAbstractListModel>
#include <QtQmlIntegration>

namespace NeoCloud {

struct TenantUserDraft;

class OnboardingUserModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("OnboardingUserModel is provided by OnboardingController.")

    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Roles {
        UsernameRole = Qt::UserRole + 1,
        PasswordRole,
        RoleRole, // tenant-admin or tenant-viewer
        ErrorFieldRole, // username, password or role, when the backend refused this row
        ErrorRole,
    };
    Q_ENUM(Roles)

    explicit OnboardingUserModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_rows.size()); }

    Q_INVOKABLE void add(const QString &role = QStringLiteral("tenant-admin"));
    Q_INVOKABLE void remove(int row);
    // field: username, password or role.
    Q_INVOKABLE void set(int row, const QString &field, const QString &value);
    void clear();

    // The rows as the engine takes them.
    QList<TenantUserDraft> drafts() const;
    // Marks `field` of `row` with `message`; clears every mark when row is -1.
    void showError(int row, const QString &field, const QString &message);

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        QString username;
        QString password;
        QString role;
        QString errorField;
        QString error;
    };

    QList<Row> m_rows;
};

} // namespace NeoCloud
