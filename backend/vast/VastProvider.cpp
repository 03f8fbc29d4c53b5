#include "VastProvider.h"

#include "VastPlans.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

namespace NeoCloud {

namespace {

// Whether a listed object is the one a step would make. A server may ignore a filter it does
// not know (or a filter may be coarser than the object's identity), so the answer is checked
// here too: every filter the object has a field for, and the name the step would give it.
bool isTheOneWanted(const QJsonObject &item, const QString &lookup, const QJsonValue &body)
{
    const QUrlQuery query(QUrl(lookup).query());
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        const QJsonValue field = item.value(key);
        if (field.isUndefined())
            continue;
        const QString have = field.isDouble() ? QString::number(field.toInteger()) : field.toVariant().toString();
        if (have != value)
            return false;
    }
    const QJsonValue name = body.toObject().value(QStringLiteral("name"));
    return name.isUndefined() || !item.contains(QStringLiteral("name")) || item.value(QStringLiteral("name")) == name;
}

} // namespace

VastProvider::VastProvider(VmsConnection connection) : m_client(std::move(connection)) { }

VastProvider::~VastProvider() { m_client.abortAll(); }

Result<QList<ProviderStep>> VastProvider::planFoundation(const ProvisionContext &context) const
{
    return Vast::planFoundation(context);
}

Result<QList<ProviderStep>> VastProvider::planEnable(const ProvisionContext &context, const QString &kind,
                                                     const QJsonObject &params) const
{
    return Vast::planKind(context, kind, params);
}

QJsonObject VastProvider::endpoints(const ProvisionContext &context, const QString &kind, const QJsonObject &params,
                                    const StepRefs &) const
{
    return Vast::endpointsFor(context, kind, params);
}

void VastProvider::execute(const ProviderCall &call, const QString &lookup, StepDone done)
{
    // A GET step reads what an earlier job made: its first match is the result, none is an error.
    if (call.method == QLatin1String("GET")) {
        m_client.list(call.path, [path = call.path, done = std::move(done)](Result<QJsonArray> found) {
            if (!found)
                done(found.error(), false);
            else if (found->isEmpty())
                done(Error{ErrorKind::Unprocessable, QStringLiteral("provider_missing"),
                           QStringLiteral("VAST has nothing at %1.").arg(path), {}},
                     false);
            else
                done(found->first(), false);
        });
        return;
    }
    if (lookup.isEmpty()) {
        this->call(call, std::move(done));
        return;
    }
    m_client.list(lookup, [this, call, lookup, done = std::move(done)](Result<QJsonArray> found) mutable {
        if (!found) {
            done(found.error(), false);
            return;
        }
        for (const QJsonValue &item : *found) {
            if (isTheOneWanted(item.toObject(), lookup, call.body)) {
                done(item, false); // it exists already: adopt it
                return;
            }
        }
        this->call(call, std::move(done));
    });
}

void VastProvider::call(const ProviderCall &call, StepDone done)
{
    const bool removing = call.method == QLatin1String("DELETE");
    m_client.send(call.method, call.path, call.body, [this, call, removing, done = std::move(done)](Result<VmsResponse> reply) mutable {
        if (!reply) {
            // Removing what is already gone is what the step wanted.
            if (removing && reply.error().kind == ErrorKind::NotFound)
                done(QJsonValue(QJsonValue::Null), false);
            else
                done(reply.error(), false);
            return;
        }
        // Topics and schemas answer 201 with no body: the request names the object.
        QJsonValue object = reply->body.isUndefined() ? call.body : reply->body;
        const QJsonObject task = object.toObject().value(QStringLiteral("async_task")).toObject();
        if (task.isEmpty()) {
            done(object, !removing);
            return;
        }
        m_client.waitForTask(task.value(QStringLiteral("id")).toInteger(),
                             [object, removing, done = std::move(done)](Status finished) {
                                 if (!finished)
                                     done(finished.error(), false);
                                 else
                                     done(object, !removing);
                             });
    });
}

void VastProvider::abortAll() { m_client.abortAll(); }

} // namespace NeoCloud
