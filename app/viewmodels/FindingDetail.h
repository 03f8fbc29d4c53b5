#pragma once
// The finding the Commissioning view's panel shows: what the plan said and what was found, how
// the check went in earlier runs of the plan, its waiver, and waiving or taking a waiver back.

#include "FindingListModel.h"

#include <QObject>
#include <QVariantList>
#include <QtQmlIntegration>

namespace NeoCloud {

class CommissioningService;

class FindingDetail : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("FindingDetail is provided by CommissioningController.")

    Q_PROPERTY(QString findingId READ findingId WRITE setFindingId NOTIFY changed)
    Q_PROPERTY(bool found READ isFound NOTIFY changed) // a finding of the shown run is selected
    Q_PROPERTY(QString check READ check NOTIFY changed)
    Q_PROPERTY(QString checkLabel READ checkLabel NOTIFY changed)
    Q_PROPERTY(QString severity READ severity NOTIFY changed)
    Q_PROPERTY(QString status READ status NOTIFY changed)
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    Q_PROPERTY(QString device READ device NOTIFY changed)
    Q_PROPERTY(QString subject READ subject NOTIFY changed)
    Q_PROPERTY(QString expected READ expected NOTIFY changed)
    Q_PROPERTY(QString foundValue READ foundValue NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QString change READ change NOTIFY changed)
    Q_PROPERTY(bool waived READ waived NOTIFY changed)
    Q_PROPERTY(QString waiverReason READ waiverReason NOTIFY changed)
    Q_PROPERTY(QString waiverBy READ waiverBy NOTIFY changed)
    Q_PROPERTY(QDateTime waiverAt READ waiverAt NOTIFY changed)
    // This check in the plan's runs, newest first: [{runId, at (QDateTime), status, found, current}].
    Q_PROPERTY(QVariantList history READ history NOTIFY changed)
    // Why the last waive or unwaive was refused, "" after one succeeded.
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    FindingDetail(CommissioningService &service, FindingListModel &findings, QObject *parent = nullptr);

    QString findingId() const { return m_finding.id; }
    void setFindingId(const QString &id);
    bool isFound() const { return !m_finding.id.isEmpty(); }
    QString check() const { return m_finding.check; }
    QString checkLabel() const { return FindingListModel::checkLabel(m_finding.check); }
    QString severity() const;
    QString status() const;
    QString problem() const { return m_finding.problem; }
    QString device() const { return m_finding.device; }
    QString subject() const { return m_finding.subject; }
    QString expected() const { return m_finding.expected; }
    QString foundValue() const { return m_finding.found; }
    QString message() const { return m_finding.message; }
    QString change() const { return m_finding.change; }
    bool waived() const { return m_finding.waiver.has_value(); }
    QString waiverReason() const { return m_finding.waiver ? m_finding.waiver->reason : QString(); }
    QString waiverBy() const { return m_finding.waiver ? m_finding.waiver->by : QString(); }
    QDateTime waiverAt() const;
    QVariantList history() const { return m_history; }
    QString lastError() const { return m_lastError; }

    // The run the finding belongs to and its plan; a new run clears the selection.
    void showRun(const QString &runId, const QString &planId);

    Q_INVOKABLE bool waive(const QString &reason);
    Q_INVOKABLE bool unwaive();

Q_SIGNALS:
    void changed();
    void lastErrorChanged();

private:
    void load();
    bool apply(Result<Finding> result);
    void setLastError(const QString &error);

    CommissioningService &m_service;
    FindingListModel &m_findings;
    QString m_runId;
    QString m_planId;
    Finding m_finding;
    QVariantList m_history;
    QString m_lastError;
};

} // namespace NeoCloud
