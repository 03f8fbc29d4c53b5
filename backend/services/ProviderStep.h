#pragma once
// One call a service provider makes. A plan is an ordered list of these: a dry run shows them,
// an apply job persists them (with their results) after every step, so a killed process can
// resume or roll back, and disabling a service replays the undo of each step in reverse.
//
// Bodies and paths may name what earlier steps created: a string "{{view.id}}" is replaced by
// the `id` field of the object step "view" created (keeping its JSON type), and "{{self.id}}"
// in an undo names the step's own object. A dry run shows the placeholders unresolved.

#include "core/Result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace NeoCloud {

enum class StepState { Pending, Running, Done, Failed, Undone };

struct ProviderCall
{
    QString method; // GET, POST, PATCH, PUT, DELETE
    QString path;   // relative to the provider's API root, e.g. "/views/" or "/views/{{view.id}}/"
    QJsonValue body; // Undefined: no body

    bool isEmpty() const { return method.isEmpty(); }
};

struct ProviderStep
{
    QString id;       // unique in its plan: "tenant", "view-policy", "topic:events.raw"
    QString title;    // for people: "Create S3 view /acme/s3/training-data"
    QString target = QStringLiteral("vast"); // which system the call changes: "vast" or "neocloud"
    ProviderCall call;
    // A GET whose non-empty answer means the object already exists: the step adopts it
    // instead of creating a second one (re-running a step is harmless).
    QString lookup;
    ProviderCall undo;   // reverses the step; empty: nothing to reverse
    bool shared = false; // tenant foundation (tenant, VIP pool, QoS): kept when one service is disabled
    QString owner;       // the service id the step makes part of; empty for the foundation

    // Filled in as the step runs.
    StepState state = StepState::Pending;
    bool created = false; // this step made the object (an adopted one is not undone)
    QJsonValue result;    // the object the provider returned or adopted
    QString error;        // the provider's message when it failed
};

// Values of earlier steps' objects by step id, for placeholders.
using StepRefs = QHash<QString, QJsonValue>;

// Replaces "{{step.field}}" placeholders; fails naming the first one that cannot be resolved.
Result<ProviderCall> resolveCall(const ProviderCall &call, const StepRefs &refs);
Result<QString> resolvePath(const QString &path, const StepRefs &refs);

QJsonObject stepToJson(const ProviderStep &step, bool withRuntime);
Result<ProviderStep> stepFromJson(const QJsonObject &json);
QJsonArray stepsToJson(const QList<ProviderStep> &steps, bool withRuntime);
Result<QList<ProviderStep>> stepsFromJson(const QJsonArray &json);

QString toString(StepState state);

} // namespace NeoCloud
