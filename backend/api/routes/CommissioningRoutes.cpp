#include "Routes.h"

#include "api/JsonKeys.h"
#include "api/Multipart.h"
#include "api/RequestInput.h"
#include "api/Router.h"
#include "commissioning/CommissioningService.h"
#include "commissioning/HandoverReport.h"
#include "domain/Enums.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace NeoCloud {
namespace {

QJsonObject planSummaryJson(const PlanSummary &s)
{
    return {{Key::id, s.plan.id},
            {Key::site, s.plan.site},
            {Key::name, s.plan.name},
            {Key::format, toString(s.plan.format)},
            {Key::sha256, s.plan.sha256},
            {Key::createdAt, s.plan.createdAt},
            {Key::createdBy, s.plan.createdBy},
            {Key::counts, QJsonObject{{Key::racks, s.racks}, {Key::devices, s.devices}, {Key::links, s.links}}}};
}

// {id, state, planId, site, scanId, previousRunId, progress, summary, changes, findings, ...}
QJsonObject runJson(const RunView &v, bool withFindings)
{
    QJsonObject out = v.job.result;
    int pass = 0, fail = 0, waived = 0;
    QJsonArray findings;
    for (const Finding &f : v.findings) {
        pass += f.status == FindingStatus::Pass;
        fail += f.status == FindingStatus::Fail;
        waived += f.status == FindingStatus::Waived;
        if (withFindings)
            findings.append(toJson(f));
    }
    out.insert(Key::id, v.job.id);
    out.insert(Key::state, toString(v.job.state));
    out.insert(Key::planId, v.run.planId);
    out.insert(Key::site, v.run.site);
    out.insert(Key::scanId, v.run.scanId);
    out.insert(Key::previousRunId, v.run.previousRunId.isEmpty() ? QJsonValue() : QJsonValue(v.run.previousRunId));
    out.insert(Key::createdBy, v.run.createdBy);
    out.insert(Key::startedAt, v.job.startedAt);
    out.insert(Key::finishedAt, v.job.finishedAt.isEmpty() ? QJsonValue() : QJsonValue(v.job.finishedAt));
    out.insert(Key::progress, QJsonObject{{Key::done, v.job.progressDone}, {Key::total, v.job.progressTotal}});
    if (withFindings) {
        out.insert(Key::summary, QJsonObject{{Key::total, int(v.findings.size())}, {Key::pass, pass}, {Key::fail, fail}, {Key::waived, waived}});
        out.insert(Key::changes, v.run.changes);
        out.insert(Key::findings, findings);
    }
    return out;
}

QJsonObject reportJson(const ReportRecord &r, bool verified, bool withData)
{
    QJsonObject out{{Key::id, r.id},          {Key::runId, r.runId},         {Key::sha256, r.sha256},
                    {Key::htmlSha256, r.htmlSha256}, {Key::createdAt, r.createdAt}, {Key::createdBy, r.createdBy},
                    {Key::verified, verified}};
    if (withData)
        out.insert(Key::data, r.data);
    return out;
}

ApiResponse document(const QByteArray &type, const QByteArray &body, const ReportRecord &r, const QString &extension)
{
    ApiResponse response{200, body, type, {}};
    response.headers.append(qMakePair(QByteArray("X-Report-Id"), r.id.toUtf8()));
    response.headers.append(qMakePair(QByteArray("X-Report-Sha256"), r.sha256.toUtf8()));
    response.headers.append(qMakePair(QByteArray("Content-Disposition"),
                                      QByteArray("inline; filename=\"commissioning-") + r.runId.toUtf8() + '.' + extension.toUtf8() + '"'));
    return response;
}

ApiResponse reportDocument(const CommissioningService &service, const IssuedReport &report, bool pdf)
{
    if (!pdf)
        return document("text/html; charset=utf-8", report.html.toUtf8(), report.record, QStringLiteral("html"));
    const auto bytes = service.pdf(report);
    if (!bytes)
        return ApiResponse::error(bytes.error());
    return document("application/pdf", *bytes, report.record, QStringLiteral("pdf"));
}

// The upload: multipart files (CSV or NetBox), or one JSON body (a plan, or with ?format=netbox
// NetBox's lists in one object).
Result<PlanUpload> readUpload(const ApiRequest &request)
{
    PlanUpload upload;
    upload.site = request.queryValue(QStringLiteral("site"));
    upload.name = request.queryValue(QStringLiteral("name"));
    QString format = request.queryValue(QStringLiteral("format"));
    const QByteArray contentType = request.headers.value("content-type");
    if (contentType.toLower().startsWith("multipart/form-data")) {
        const auto parts = parseMultipart(contentType, request.body);
        if (!parts)
            return parts.error();
        for (const MultipartPart &p : *parts) {
            if (p.fileName.isEmpty()) {
                const QString value = QString::fromUtf8(p.body).trimmed();
                if (p.name == QLatin1String("site"))
                    upload.site = value;
                else if (p.name == QLatin1String("name"))
                    upload.name = value;
                else if (p.name == QLatin1String("format"))
                    format = value;
                else
                    return Error::badInput(QStringLiteral("unknown_field"),
                                           QStringLiteral("Unknown form field '%1'; send files with a filename, and site, name or format.").arg(p.name),
                                           p.name);
                continue;
            }
            upload.files << PlanFile{p.fileName, p.body};
        }
        if (upload.files.isEmpty())
            return Error::badInput(QStringLiteral("no_files"), QStringLiteral("The upload holds no files."));
        if (format.isEmpty()) {
            const bool csv = std::any_of(upload.files.begin(), upload.files.end(),
                                         [](const PlanFile &f) { return f.name.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive); });
            const bool json = upload.files.size() == 1 && !upload.files.first().name.contains(QLatin1String("devices"), Qt::CaseInsensitive);
            format = csv ? QStringLiteral("csv") : json ? QStringLiteral("json") : QStringLiteral("netbox");
        }
    } else if (contentType.toLower().startsWith("text/csv")) {
        return Error::badInput(QStringLiteral("csv_needs_multipart"),
                               QStringLiteral("Send the CSV files (racks.csv, devices.csv, links.csv) as multipart/form-data, one file per part."));
    } else {
        upload.files << PlanFile{format == QLatin1String("netbox") ? QStringLiteral("netbox.json") : QStringLiteral("plan.json"), request.body};
        if (format.isEmpty())
            format = QStringLiteral("json");
    }
    if (format == QLatin1String("json"))
        upload.format = PlanFormat::Json;
    else if (format == QLatin1String("csv"))
        upload.format = PlanFormat::Csv;
    else if (format == QLatin1String("netbox"))
        upload.format = PlanFormat::NetBox;
    else
        return Error::badInput(QStringLiteral("invalid_enum"), QStringLiteral("format must be json, csv or netbox."), QStringLiteral("format"));
    return upload;
}

} // namespace

void registerCommissioningRoutes(Router &router, CommissioningService &service)
{
    // POST /api/v1/commissioning/plans (multipart racks.csv/devices.csv/links.csv + site, or
    // devices.json/interfaces.json/cables.json/racks.json; or a JSON plan; ?format=json|csv|netbox,
    // ?site=, ?name=) -> 201 plan, or 422 {error: {code, message, details: [{file, line, column, message}]}}
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/commissioning/plans"), Access::OperatorAdmin, [&service](const ApiRequest &request) {
        const auto upload = readUpload(request);
        if (!upload)
            return ApiResponse::error(upload.error());
        QList<PlanIssue> issues;
        const auto plan = service.importPlan(*upload, request.user->username, issues);
        if (plan)
            return ApiResponse::json(planSummaryJson(*plan), 201);
        if (issues.isEmpty())
            return ApiResponse::error(plan.error());
        QJsonArray details;
        for (const PlanIssue &i : std::as_const(issues))
            details.append(QJsonObject{{Key::file, i.file}, {Key::line, i.line}, {Key::column, i.column}, {Key::message, i.message}});
        ApiResponse response = ApiResponse::error(plan.error());
        QJsonObject body = QJsonDocument::fromJson(response.body).object();
        QJsonObject error = body.value(Key::error).toObject();
        error.insert(Key::details, details);
        body.insert(Key::error, error);
        response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return response;
    });

    // GET /api/v1/commissioning/plans?limit=&offset= -> {items: [plan], total}, newest first
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/commissioning/plans"), Access::Operator, [&service](const ApiRequest &request) {
        const auto paging = readPaging(request);
        if (!paging)
            return ApiResponse::error(paging.error());
        const auto plans = service.plans();
        if (!plans)
            return ApiResponse::error(plans.error());
        QJsonArray items;
        for (const PlanSummary &p : plans->mid(paging->offset, paging->limit))
            items.append(planSummaryJson(p));
        return ApiResponse::json(QJsonObject{{Key::items, items}, {Key::total, int(plans->size())}});
    });

    // GET /api/v1/commissioning/plans/{id} -> the plan's summary and its JSON site plan (racks, devices, links)
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/commissioning/plans/{id}"), Access::Operator, [&service](const ApiRequest &request) {
        const auto plan = service.plan(request.param(QStringLiteral("id")));
        if (!plan)
            return ApiResponse::error(plan.error());
        QJsonObject out = planDocument(*plan);
        const QJsonObject summary = planSummaryJson({*plan, int(plan->racks.size()), int(plan->devices.size()), int(plan->links.size())});
        for (auto it = summary.begin(); it != summary.end(); ++it)
            out.insert(it.key(), it.value());
        return ApiResponse::json(out);
    });

    // POST /api/v1/commissioning/runs {planId, credentials?: {username, password}, lldp?: [{device, data}]} -> 202 run
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/commissioning/runs"), Access::OperatorAdmin, [&service](const ApiRequest &request) {
        const auto body = readJsonObject(request, {Key::planId, Key::credentials, Key::lldp});
        if (!body)
            return ApiResponse::error(body.error());
        const auto job = service.startRun(*body, request.user->username);
        if (!job)
            return ApiResponse::error(job.error());
        const auto view = service.run(job->id);
        ApiResponse response = ApiResponse::json(view ? runJson(*view, true) : QJsonObject{{Key::id, job->id}, {Key::state, toString(job->state)}}, 202);
        response.headers.append(qMakePair(QByteArray("Location"), QByteArray("/api/v1/commissioning/runs/") + job->id.toLatin1()));
        return response;
    });

    // GET /api/v1/commissioning/runs?planId=&limit=&offset= -> {items: [run without findings], total}: the history, newest first
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/commissioning/runs"), Access::Operator, [&service](const ApiRequest &request) {
        const auto paging = readPaging(request);
        if (!paging)
            return ApiResponse::error(paging.error());
        const auto runs = service.runs(request.queryValue(QStringLiteral("planId")));
        if (!runs)
            return ApiResponse::error(runs.error());
        QJsonArray items;
        for (const RunView &v : runs->mid(paging->offset, paging->limit))
            items.append(runJson(v, false));
        return ApiResponse::json(QJsonObject{{Key::items, items}, {Key::total, int(runs->size())}});
    });

    // GET /api/v1/commissioning/runs/{id} -> {id, state, findings: [...], changes, summary, ...}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/commissioning/runs/{id}"), Access::Operator, [&service](const ApiRequest &request) {
        const auto view = service.run(request.param(QStringLiteral("id")));
        return view ? ApiResponse::json(runJson(*view, true)) : ApiResponse::error(view.error());
    });

    // POST /api/v1/commissioning/runs/{id}/findings/{findingId}/waiver {reason} -> 200 finding (waived)
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/commissioning/runs/{id}/findings/{findingId}/waiver"), Access::OperatorAdmin,
               [&service](const ApiRequest &request) {
                   const auto body = readJsonObject(request, {Key::reason});
                   if (!body)
                       return ApiResponse::error(body.error());
                   const auto reason = requireString(*body, Key::reason);
                   if (!reason)
                       return ApiResponse::error(reason.error());
                   const auto finding = service.waive(request.param(QStringLiteral("id")), request.param(QStringLiteral("findingId")), *reason,
                                                      request.user->username);
                   return finding ? ApiResponse::json(toJson(*finding)) : ApiResponse::error(finding.error());
               });

    // DELETE /api/v1/commissioning/runs/{id}/findings/{findingId}/waiver -> 200 finding (failing again)
    router.add(HttpMethod::Delete, QStringLiteral("/api/v1/commissioning/runs/{id}/findings/{findingId}/waiver"), Access::OperatorAdmin,
               [&service](const ApiRequest &request) {
                   const auto finding = service.unwaive(request.param(QStringLiteral("id")), request.param(QStringLiteral("findingId")),
                                                        request.user->username);
                   return finding ? ApiResponse::json(toJson(*finding)) : ApiResponse::error(finding.error());
               });

    // GET /api/v1/commissioning/runs/{id}/report.html and report.pdf (?engineer=&customer=): a
    // new report, stored with its data; X-Report-Id and X-Report-Sha256 name it.
    for (const bool pdf : {false, true}) {
        router.add(HttpMethod::Get, pdf ? QStringLiteral("/api/v1/commissioning/runs/{id}/report.pdf") : QStringLiteral("/api/v1/commissioning/runs/{id}/report.html"),
                   Access::Operator, [&service, pdf](const ApiRequest &request) {
                       const SignOff signOff{request.queryValue(QStringLiteral("engineer")), request.queryValue(QStringLiteral("customer"))};
                       const auto report = service.issueReport(request.param(QStringLiteral("id")), signOff, request.user->username);
                       return report ? reportDocument(service, *report, pdf) : ApiResponse::error(report.error());
                   });
    }

    // GET /api/v1/commissioning/reports/{id} -> {id, runId, sha256, htmlSha256, createdAt, createdBy, verified, data}
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/commissioning/reports/{id}"), Access::Operator, [&service](const ApiRequest &request) {
        const auto report = service.report(request.param(QStringLiteral("id")));
        return report ? ApiResponse::json(reportJson(*report, service.verify(*report), true)) : ApiResponse::error(report.error());
    });

    // GET /api/v1/commissioning/reports/{id}/report.html and report.pdf: the report made again from its stored data
    for (const bool pdf : {false, true}) {
        router.add(HttpMethod::Get, pdf ? QStringLiteral("/api/v1/commissioning/reports/{id}/report.pdf") : QStringLiteral("/api/v1/commissioning/reports/{id}/report.html"),
                   Access::Operator, [&service, pdf](const ApiRequest &request) {
                       const auto report = service.reproduce(request.param(QStringLiteral("id")));
                       return report ? reportDocument(service, *report, pdf) : ApiResponse::error(report.error());
                   });
    }

    // POST /api/v1/commissioning/reports/verify: {"sha256"} or the report's HTML as it was
    // handed over -> {verified, report?}: whether a stored report has this content.
    router.add(HttpMethod::Post, QStringLiteral("/api/v1/commissioning/reports/verify"), Access::Operator, [&service](const ApiRequest &request) {
        QString sha;
        if (request.headers.value("content-type").toLower().startsWith("text/html")) {
            sha = QString::fromLatin1(QCryptographicHash::hash(request.body, QCryptographicHash::Sha256).toHex());
        } else {
            const auto body = readJsonObject(request, {Key::sha256});
            if (!body)
                return ApiResponse::error(body.error());
            const auto given = requireString(*body, Key::sha256);
            if (!given)
                return ApiResponse::error(given.error());
            sha = given->toLower();
        }
        const auto found = service.findReport(sha);
        if (!found)
            return ApiResponse::error(found.error());
        if (!*found)
            return ApiResponse::json(QJsonObject{{Key::verified, false}, {Key::sha256, sha}});
        const bool intact = service.verify(**found);
        return ApiResponse::json(QJsonObject{{Key::verified, intact}, {Key::sha256, sha}, {Key::report, reportJson(**found, intact, false)}});
    });

    // GET /api/v1/commissioning/export?site=<name or id>&format=json|netbox -> the discovered site as a plan
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/commissioning/export"), Access::Operator, [&service](const ApiRequest &request) {
        const QString format = request.queryValue(QStringLiteral("format"));
        const auto plan = service.exportSite(request.queryValue(QStringLiteral("site")), format.isEmpty() ? QStringLiteral("json") : format);
        return plan ? ApiResponse::json(*plan) : ApiResponse::error(plan.error());
    });

    // GET /api/v1/lab/plan -> the demo lab as designed, as a JSON site plan (its asBuilt differences not applied)
    router.add(HttpMethod::Get, QStringLiteral("/api/v1/lab/plan"), Access::Operator, [&service](const ApiRequest &) {
        const auto plan = service.labPlan();
        return plan ? ApiResponse::json(*plan) : ApiResponse::error(plan.error());
    });
}

} // namespace NeoCloud
