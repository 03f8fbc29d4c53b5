#pragma once
// The findings of the commissioning run the console shows, for the Commissioning view's list:
// filtered by status (all, fail, pass, waived) and ordered by rack, then device, so a ListView
// can head each rack's group (the `rack` and `rackStart` roles).

#include "ReadListModel.h"
#include "commissioning/Findings.h"

#include <QHash>
#include <QtQmlIntegration>

namespace NeoCloud {

class FindingListModel : public NeoCloud::ReadListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("FindingListModel is provided by CommissioningController.")

    // "all", "fail" (the default), "pass" or "waived".
    Q_PROPERTY(QString filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int failCount READ failCount NOTIFY countsChanged)
    Q_PROPERTY(int passCount READ passCount NOTIFY countsChanged)
    Q_PROPERTY(int waivedCount READ waivedCount NOTIFY countsChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countsChanged)

public:
    enum Roles {
        FindingIdRole = Qt::UserRole + 1,
        KeyRole,
        CheckRole,
        CheckLabelRole, // "Cabling", "Device present"...
        SeverityRole,   // info, warning, critical
        StatusRole,     // pass, fail, waived
        ProblemRole,
        DeviceRole,
        RackRole, // the device's rack by the plan, else as found; "No rack" when neither says
        RackStartRole, // the first row of its rack: the view draws the rack's heading above it
        SubjectRole,
        ExpectedRole,
        FoundRole,
        MessageRole,
        ChangeRole, // new, fixed, regressed, changed, unchanged, "" on a first run
    };
    Q_ENUM(Roles)

    explicit FindingListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString filter() const { return m_filter; }
    void setFilter(const QString &filter);
    int failCount() const { return countOf(FindingStatus::Fail); }
    int passCount() const { return countOf(FindingStatus::Pass); }
    int waivedCount() const { return countOf(FindingStatus::Waived); }
    int totalCount() const { return int(m_all.size()); }

    // Every finding of the run and the rack of each device by name; a failed read says why.
    void show(Result<QList<Finding>> findings, const QHash<QString, QString> &rackOfDevice);
    // One finding changed (a waiver given or taken back): the row updates where it is.
    void replace(const Finding &finding);
    const QList<Finding> &all() const { return m_all; }
    const Finding *find(const QString &findingId) const;

    Q_INVOKABLE QString findingIdAt(int row) const;
    Q_INVOKABLE int rowOf(const QString &findingId) const;

    static QString checkLabel(const QString &check);

Q_SIGNALS:
    void filterChanged();
    void countsChanged();

private:
    int countOf(FindingStatus status) const;
    void refilter();
    bool accepts(const Finding &finding) const;
    QString rackOf(const Finding &finding) const;

    QList<Finding> m_all;
    QList<Finding> m_rows; // m_all filtered and ordered by rack, device, check
    QHash<QString, QString> m_rackOfDevice;
    QString m_filter = QStringLiteral("fail"); // what an engineer works through first
};

} // namespace NeoCloud
