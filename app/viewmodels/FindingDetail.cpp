#include "FindingDetail.h"

#include "commissioning/CommissioningService.h"
#include "core/Time.h"
#include "domain/Enums.h"

#include <QDateTime>

namespace NeoCloud {

namespace {
const QString consoleUser = QStringLiteral("console");
// Enough runs to see a check flip and come back; each one is a read of its findings.
constexpr int historyDepth = 8;
} // namespace

FindingDetail::FindingDetail(CommissioningService &service, FindingListModel &findings, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_findings(findings)
{
}

QString FindingDetail::severity() const { return isFound() ? toString(m_finding.severity) : QString(); }
QString FindingDetail::status() const { return isFound() ? toString(m_finding.status) : QString(); }

QDateTime FindingDetail::waiverAt() const
{
    return m_finding.waiver ? fromIsoTime(m_finding.waiver->at).toLocalTime() : QDateTime();
}

void FindingDetail::showRun(const QString &runId, const QString &planId)
{
    m_runId = runId;
    m_planId = planId;
    m_finding = {};
    m_history.clear();
    setLastError({});
    Q_EMIT changed();
}

void FindingDetail::setFindingId(const QString &id)
{
    if (id == m_finding.id)
        return;
    setLastError({});
    const Finding *finding = m_findings.find(id);
    m_finding = finding ? *finding : Finding{};
    load();
}

void FindingDetail::load()
{
    m_history.clear();
    if (isFound() && !m_planId.isEmpty()) {
        const auto runs = m_service.runs(m_planId);
        for (qsizetype i = 0; runs && i < runs->size() && i < historyDepth; ++i) {
            const RunView &summary = runs->at(i);
            const auto run = m_service.run(summary.run.id);
            if (!run)
                continue;
            for (const Finding &f : run->findings) {
                if (f.key != m_finding.key)
                    continue;
                m_history << QVariantMap{{QStringLiteral("runId"), summary.run.id},
                                         {QStringLiteral("at"), fromIsoTime(summary.run.createdAt).toLocalTime()},
                                         {QStringLiteral("status"), toString(f.status)},
                                         {QStringLiteral("found"), f.found},
                                         {QStringLiteral("current"), summary.run.id == m_runId}};
            }
        }
    }
    Q_EMIT changed();
}

bool FindingDetail::waive(const QString &reason) { return apply(m_service.waive(m_runId, m_finding.id, reason, consoleUser)); }

bool FindingDetail::unwaive() { return apply(m_service.unwaive(m_runId, m_finding.id, consoleUser)); }

bool FindingDetail::apply(Result<Finding> result)
{
    if (!result) {
        setLastError(result.error().message);
        return false;
    }
    setLastError({});
    m_finding = *result;
    m_findings.replace(m_finding);
    load();
    return true;
}

void FindingDetail::setLastError(const QString &error)
{
    if (error == m_lastError)
        return;
    m_lastError = error;
    Q_EMIT lastErrorChanged();
}

} // namespace NeoCloud
