#pragma once
// The handover report of a commissioning run: its data (plan, as-built inventory, every check
// with its result and waiver, the cabling, what changed, open items, the sign-off) gathered into
// one JSON document, and that document rendered as HTML. The HTML depends on nothing but the
// data, and the data's SHA-256 is printed in it, so a stored report can be rendered again and
// checked byte for byte.

#include "AsBuilt.h"
#include "Findings.h"

namespace NeoCloud {

struct SignOff
{
    QString engineer; // who produced the report
    QString customer; // who accepts it; blank lines when empty
};

struct ReportInput
{
    SitePlan plan;
    Job job;
    RunRecord run;
    QList<Finding> findings;
    SignOff signOff;
    QString generatedAt;
    QString generatedBy;
};

QJsonObject reportData(const ReportInput &input);
QString reportHtml(const QJsonObject &data, const QString &sha256);
QString reportTitle(const QJsonObject &data);

} // namespace NeoCloud
