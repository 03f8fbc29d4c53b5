#pragma once
// What a commissioning run concluded: one finding per check and subject (a device, a cable, a
// part), passing, failing or waived, with what the plan expected and what was found; and the
// records that tie runs to plans, history and reports.

#include "domain/Activity.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace NeoCloud {

enum class FindingStatus { Pass, Fail, Waived };

QString toString(FindingStatus status);
std::optional<FindingStatus> parseFindingStatus(const QString &text);

// Who accepted a failing check and why. Carries over to later runs while the finding's `found`
// stays what it was when waived.
struct Waiver
{
    QString reason;
    QString by;
    QString at;
    QString found;
};

struct Finding
{
    QString id;
    QString key; // check + subject: stable across runs, for history and waivers
    QString check;
    Severity severity = Severity::Warning;
    FindingStatus status = FindingStatus::Pass;
    QString problem; // failing only: missing, unexpected, swapped, miscabled, drift, short...
    QString device;
    QString subject;
    QString expected;
    QString found;
    QString message;
    QString change; // against the previous run: new, fixed, regressed, changed, unchanged ("" first)
    std::optional<Waiver> waiver;
};

// A run beside its job (state and times live in the jobs table).
struct RunRecord
{
    QString id;
    QString planId;
    QString previousRunId;
    QString scanId;
    QString site;
    QString createdAt;
    QString createdBy;
    QJsonObject snapshot; // the as-built data the findings were made from
    QJsonArray changes;   // what changed since the previous run
};

struct ReportRecord
{
    QString id;
    QString runId;
    QString sha256;     // of the canonical report data: printed in the report
    QString htmlSha256; // of the HTML rendered from that data
    QJsonObject data;
    QString createdAt;
    QString createdBy;
};

} // namespace NeoCloud

namespace NeoCloud {

// A finding as the API and the report show it.
QJsonObject toJson(const Finding &finding);

} // namespace NeoCloud
