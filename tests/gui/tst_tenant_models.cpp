// The Tenants view's models over a real backend and real hardware to measure quotas against:
// the list and its filter, quota bars computed from the tenant's own numbers and the cluster's,
// the create/edit form's refusals on the field they name, users, and S3 keys whose secret is
// handed out once and never kept.

#include "GuiTestSupport.h"
#include "TenantDetail.h"
#include "TenantEditor.h"
#include "TenantFilterModel.h"
#include "TenantListModel.h"
#include "services/Catalog.h"
#include "services/ServiceEngine.h"
#include "tenancy/TenantService.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace NeoCloud;

namespace {

QVariantMap tenantFields(const QString &name, const QString &capacityTB = QStringLiteral("0"),
                         const QString &gpus = QStringLiteral("0"))
{
    return { { QStringLiteral("name"), name },
             { QStringLiteral("displayName"), name.toUpper() },
             { QStringLiteral("contactEmail"), QStringLiteral("ops@%1.example").arg(name) },
             { QStringLiteral("capacityTB"), capacityTB },
             { QStringLiteral("gpus"), gpus },
             { QStringLiteral("maxServices"), QStringLiteral("10") },
             { QStringLiteral("bandwidthMBps"), QStringLiteral("0") },
             { QStringLiteral("iops"), QStringLiteral("0") },
             { QStringLiteral("allowedClients"), QStringLiteral("10.0.0.0/8") } };
}

// The bar of `field` in a quota model, as a map of its roles.
QVariantMap bar(const QuotaModel &quotas, const QString &field)
{
    for (int row = 0; row < quotas.rowCount(); ++row) {
        const QModelIndex i = quotas.index(row);
        if (i.data(QuotaModel::FieldRole).toString() == field)
            return { { QStringLiteral("fraction"), i.data(QuotaModel::FractionRole) },
                     { QStringLiteral("value"), i.data(QuotaModel::ValueTextRole) },
                     { QStringLiteral("caption"), i.data(QuotaModel::CaptionRole) },
                     { QStringLiteral("over"), i.data(QuotaModel::OverRole) } };
    }
    return {};
}

} // namespace

class TestTenantModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_backend = Testing::createBackend(*m_dir);
        QVERIFY(m_backend);
        QVERIFY(Testing::addQuotaHardware(m_backend->inventory()));
        m_editor = std::make_unique<TenantEditor>(m_backend->tenants(), m_backend->inventory());
        m_detail = std::make_unique<TenantDetail>(m_backend->tenants(), m_backend->inventory(),
                                                  m_backend->auth(), m_backend->accessKeys(),
                                                  m_backend->services(), m_backend->catalog());
    }

    void cleanup()
    {
        m_detail.reset();
        m_editor.reset();
        m_backend.reset();
        m_dir.reset();
    }

    void listSortsFiltersAndFollowsChanges()
    {
        TenantListModel list(m_backend->tenants(), m_backend->services());
        TenantFilterModel filter(list);
        QAbstractItemModelTester tester(&list,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_VERIFY(list.loaded());
        QCOMPARE(list.count(), 0);
        for (const QString &name :
             { QStringLiteral("zeta"), QStringLiteral("acme"), QStringLiteral("globex") })
            QVERIFY(m_editor->create(tenantFields(name)).value(QStringLiteral("ok")).toBool());
        QTRY_COMPARE(list.count(), 3);
        QCOMPARE(filter.count(), 3);
        QCOMPARE(filter.index(0, 0).data(TenantListModel::NameRole).toString(),
                 QStringLiteral("acme"));
        QCOMPARE(filter.index(0, 0).data(TenantListModel::HealthRole).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(filter.index(0, 0).data(TenantListModel::StateRole).toString(),
                 QStringLiteral("active"));
        QVERIFY(filter.index(0, 0)
                    .data(TenantListModel::NetworkTextRole)
                    .toString()
                    .startsWith(QStringLiteral("VLAN 20")));

        filter.setText(QStringLiteral("GLOB")); // the display name, any case
        QCOMPARE(filter.count(), 1);
        QCOMPARE(filter.tenantIdAt(0), list.tenantIdAt(list.rowOf(filter.tenantIdAt(0))));
        filter.setText(QStringLiteral("@zeta.example")); // the contact
        QCOMPARE(filter.count(), 1);
        filter.setText(QStringLiteral("nobody"));
        QCOMPARE(filter.count(), 0);
        filter.setText({});
        QCOMPARE(filter.count(), 3);
    }

    void quotaBarsComeFromTheTenantAndTheCluster()
    {
        // Half the usable 138.24 TB and half the 8 GPUs.
        const QVariantMap created = m_editor->create(
            tenantFields(QStringLiteral("acme"), QStringLiteral("69.12"), QStringLiteral("4")));
        QVERIFY2(created.value(QStringLiteral("ok")).toBool(),
                 qPrintable(created.value(QStringLiteral("message")).toString()));
        m_detail->setTenantId(created.value(QStringLiteral("tenantId")).toString());
        QVERIFY(m_detail->found());
        QCOMPARE(m_detail->name(), QStringLiteral("acme"));
        QCOMPARE(m_detail->allowedClients(), QStringList { QStringLiteral("10.0.0.0/8") });
        QVERIFY(m_detail->vipRange().contains(QStringLiteral(" – ")));
        QuotaModel &quotas = *m_detail->quotas();
        QAbstractItemModelTester tester(&quotas,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(quotas.rowCount(), 5);
        QCOMPARE(bar(quotas, QStringLiteral("quotas.capacityBytes"))
                     .value(QStringLiteral("fraction"))
                     .toDouble(),
                 0.5);
        QCOMPARE(bar(quotas, QStringLiteral("quotas.capacityBytes"))
                     .value(QStringLiteral("value"))
                     .toString(),
                 QStringLiteral("69.1 TB"));
        QVERIFY(bar(quotas, QStringLiteral("quotas.capacityBytes"))
                    .value(QStringLiteral("caption"))
                    .toString()
                    .contains(QStringLiteral("138 TB")));
        QCOMPARE(
            bar(quotas, QStringLiteral("quotas.gpus")).value(QStringLiteral("fraction")).toDouble(),
            0.5);
        QCOMPARE(bar(quotas, QStringLiteral("quotas.maxServices"))
                     .value(QStringLiteral("fraction"))
                     .toDouble(),
                 0.0);
        QCOMPARE(bar(quotas, QStringLiteral("quotas.maxServices"))
                     .value(QStringLiteral("value"))
                     .toString(),
                 QStringLiteral("0 of 10"));
        QCOMPARE(bar(quotas, QStringLiteral("quotas.qos.iops"))
                     .value(QStringLiteral("fraction"))
                     .toDouble(),
                 -1.0);
        QCOMPARE(bar(quotas, QStringLiteral("quotas.qos.iops"))
                     .value(QStringLiteral("value"))
                     .toString(),
                 QStringLiteral("Unlimited"));

        // Overcommitting the cluster twice over halves every share.
        QVERIFY(m_backend->tenants().setOvercommitRatio(2.0, QStringLiteral("test")));
        m_detail->refresh();
        QCOMPARE(bar(quotas, QStringLiteral("quotas.capacityBytes"))
                     .value(QStringLiteral("fraction"))
                     .toDouble(),
                 0.25);
        QCOMPARE(
            bar(quotas, QStringLiteral("quotas.gpus")).value(QStringLiteral("fraction")).toDouble(),
            0.25);

        // An edit through the form shows at once, QoS included.
        QVariantMap fields = m_detail->formFields();
        QCOMPARE(fields.value(QStringLiteral("capacityTB")).toString(), QStringLiteral("69.12"));
        fields.insert(QStringLiteral("gpus"), QStringLiteral("8"));
        fields.insert(QStringLiteral("iops"), QStringLiteral("50000"));
        QVERIFY(
            m_editor->update(m_detail->tenantId(), fields).value(QStringLiteral("ok")).toBool());
        QTRY_COMPARE(
            bar(quotas, QStringLiteral("quotas.gpus")).value(QStringLiteral("fraction")).toDouble(),
            0.5);
        QCOMPARE(bar(quotas, QStringLiteral("quotas.qos.iops"))
                     .value(QStringLiteral("value"))
                     .toString(),
                 QStringLiteral("50,000 IOPS"));
    }

    void refusalsNameTheirField_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("says");
        QTest::newRow("capacity beyond the cluster") << "capacityTB"
                                                     << "500"
                                                     << "quotas.capacityBytes"
                                                     << "138.2 TB usable";
        QTest::newRow("more GPUs than exist") << "gpus"
                                              << "9"
                                              << "quotas.gpus"
                                              << "8 GPUs";
        QTest::newRow("GPUs not a number") << "gpus"
                                           << "four"
                                           << "quotas.gpus"
                                           << "whole number";
        QTest::newRow("capacity not a number") << "capacityTB"
                                               << "lots"
                                               << "quotas.capacityBytes"
                                               << "terabytes";
        QTest::newRow("bad name") << "name"
                                  << "Bad Name"
                                  << "name"
                                  << "DNS label";
        QTest::newRow("bad e-mail") << "contactEmail"
                                    << "nobody"
                                    << "contactEmail"
                                    << "e-mail";
        QTest::newRow("second client range") << "allowedClients"
                                             << "10.0.0.0/8, everyone"
                                             << "network.allowedClients[1]"
                                             << "everyone";
        QTest::newRow("negative IOPS") << "iops"
                                       << "-5"
                                       << "quotas.qos.iops"
                                       << "negative";
    }

    void refusalsNameTheirField()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, field);
        QFETCH(QString, says);
        QVariantMap fields = tenantFields(QStringLiteral("acme"));
        fields.insert(key, value);
        const QVariantMap answer = m_editor->create(fields);
        QCOMPARE(answer.value(QStringLiteral("ok")).toBool(), false);
        QCOMPARE(answer.value(QStringLiteral("field")).toString(), field);
        QVERIFY2(answer.value(QStringLiteral("message")).toString().contains(says),
                 qPrintable(answer.value(QStringLiteral("message")).toString()));
        QCOMPARE(m_backend->tenants().count().value(), 0);
    }

    void editorKnowsPoolsAndCapacity()
    {
        const QVariantList pools = m_editor->pools();
        QCOMPARE(pools.size(), 1);
        QCOMPARE(pools.constFirst().toMap().value(QStringLiteral("name")).toString(),
                 QStringLiteral("tenant-default"));
        QVERIFY(m_editor->capacityText().contains(QStringLiteral("138 TB")));
        QVERIFY(m_editor->nameIsValid(QStringLiteral("acme-2")));
        QVERIFY(!m_editor->nameIsValid(QStringLiteral("-acme")));
    }

    void keysHandTheSecretOutOnce()
    {
        const QString id = m_editor->create(tenantFields(QStringLiteral("acme")))
                               .value(QStringLiteral("tenantId"))
                               .toString();
        m_detail->setTenantId(id);
        TenantUserModel &users = *m_detail->users();
        AccessKeyModel &keys = *m_detail->keys();
        QAbstractItemModelTester usersTester(
            &users, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester keysTester(&keys,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);

        // A key needs a user of the tenant; the refusal names the field.
        QCOMPARE(keys.createKey(QStringLiteral("alice")).value(QStringLiteral("field")).toString(),
                 QStringLiteral("username"));
        QCOMPARE(users
                     .addUser(QStringLiteral("alice"), QStringLiteral("short"),
                              QStringLiteral("tenant-admin"))
                     .value(QStringLiteral("field"))
                     .toString(),
                 QStringLiteral("password"));
        QCOMPARE(users.addUser(QStringLiteral("alice"), QStringLiteral("long enough secret"),
                               QStringLiteral("tenant-admin")),
                 QVariantMap());
        QCOMPARE(users.count(), 1);
        QCOMPARE(users.index(0).data(TenantUserModel::RoleRole).toString(),
                 QStringLiteral("tenant-admin"));

        const QVariantMap issued = keys.createKey(QStringLiteral("alice"));
        QVERIFY(issued.value(QStringLiteral("ok")).toBool());
        const QString secret = issued.value(QStringLiteral("secretKey")).toString();
        QVERIFY(secret.size() >= 30);
        QCOMPARE(keys.count(), 1);
        QCOMPARE(keys.index(0).data(AccessKeyModel::AccessKeyRole).toString(),
                 issued.value(QStringLiteral("accessKey")).toString());
        // Nothing the list offers is the secret, in any role.
        const auto roles = keys.roleNames().keys();
        for (int role : roles)
            QVERIFY(keys.index(0).data(role).toString() != secret);

        const QVariantMap rotated
            = keys.rotateKey(keys.index(0).data(AccessKeyModel::KeyIdRole).toString());
        QVERIFY(rotated.value(QStringLiteral("ok")).toBool());
        QCOMPARE(rotated.value(QStringLiteral("accessKey")),
                 issued.value(QStringLiteral("accessKey")));
        QVERIFY(rotated.value(QStringLiteral("secretKey")).toString() != secret);
        QVERIFY(keys.index(0).data(AccessKeyModel::RotatedAtRole).toDateTime().isValid());

        QCOMPARE(keys.revokeKey(keys.index(0).data(AccessKeyModel::KeyIdRole).toString())
                     .value(QStringLiteral("ok"))
                     .toBool(),
                 true);
        QCOMPARE(keys.index(0).data(AccessKeyModel::StateRole).toString(),
                 QStringLiteral("revoked"));
        QCOMPARE(keys.rotateKey(keys.index(0).data(AccessKeyModel::KeyIdRole).toString())
                     .value(QStringLiteral("ok"))
                     .toBool(),
                 false);

        // Another tenant's panel shows none of this.
        const QString other = m_editor->create(tenantFields(QStringLiteral("globex")))
                                  .value(QStringLiteral("tenantId"))
                                  .toString();
        m_detail->setTenantId(other);
        QCOMPARE(users.count(), 0);
        QCOMPARE(keys.count(), 0);
    }

    void suspendingShowsInStateAndHealth()
    {
        TenantListModel list(m_backend->tenants(), m_backend->services());
        const QString id = m_editor->create(tenantFields(QStringLiteral("acme")))
                               .value(QStringLiteral("tenantId"))
                               .toString();
        m_detail->setTenantId(id);
        QCOMPARE(m_detail->health(), QStringLiteral("ok"));
        QSignalSpy changed(m_detail.get(), &TenantDetail::changed);
        QCOMPARE(m_detail->setSuspended(true), QVariantMap());
        QTRY_COMPARE(m_detail->state(), QStringLiteral("suspended"));
        QCOMPARE(m_detail->health(), QStringLiteral("warning"));
        QTRY_COMPARE(list.index(list.rowOf(id)).data(TenantListModel::HealthRole).toString(),
                     QStringLiteral("warning"));
        QCOMPARE(m_detail->setSuspended(false), QVariantMap());
        QTRY_COMPARE(m_detail->state(), QStringLiteral("active"));

        // A tenant removed elsewhere leaves the panel empty, not stale.
        QVERIFY(m_backend->tenants().remove(id, false, QStringLiteral("test")));
        QTRY_VERIFY(!m_detail->found());
        QCOMPARE(m_detail->quotas()->rowCount(), 0);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<TenantEditor> m_editor;
    std::unique_ptr<TenantDetail> m_detail;
};

QTEST_MAIN(TestTenantModels)
#include "tst_tenant_models.moc"
