#pragma once
// A running job of the ServiceEngine, and how it is kept in the job's payload so a restarted
// process can pick it up where the killed one left it. Private to the engine's sources.

#include "ServiceEngine.h"

#include <QJsonArray>
#include <QSet>

namespace NeoCloud {

inline QJsonObject refsToJson(const StepRefs &refs)
{
    QJsonObject out;
    for (auto it = refs.begin(); it != refs.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

inline StepRefs refsFromJson(const QJsonObject &json)
{
    StepRefs refs;
    for (auto it = json.begin(); it != json.end(); ++it)
        refs.insert(it.key(), it.value());
    return refs;
}

// The results of the done steps of a recorded plan, by step id.
inline StepRefs refsOfRecorded(const QJsonArray &steps)
{
    StepRefs refs;
    for (const QJsonValue &v : steps) {
        const QJsonObject step = v.toObject();
        if (step.value(QStringLiteral("state")).toString() == QLatin1String("done"))
            refs.insert(step.value(QStringLiteral("id")).toString(), step.value(QStringLiteral("result")));
    }
    return refs;
}

struct ServiceEngine::Run
{
    Job job;
    QString tenantId;
    QStringList serviceIds;
    QList<ProviderStep> steps;
    StepRefs baseRefs; // the tenant's foundation made by earlier jobs
    bool rollingBack = false;
    int cursor = 0;
    QString failure;
    QStringList rollbackErrors;
    QSet<int> interrupted; // steps a killed process left running: an object found was ours

    QJsonObject payload() const
    {
        return {{QStringLiteral("tenantId"), tenantId},
                {QStringLiteral("serviceIds"), QJsonArray::fromStringList(serviceIds)},
                {QStringLiteral("direction"), rollingBack ? QStringLiteral("rollback") : QStringLiteral("apply")},
                {QStringLiteral("cursor"), cursor},
                {QStringLiteral("failure"), failure},
                {QStringLiteral("rollbackErrors"), QJsonArray::fromStringList(rollbackErrors)},
                {QStringLiteral("baseRefs"), refsToJson(baseRefs)},
                {QStringLiteral("steps"), stepsToJson(steps, true)}};
    }

    static Result<Run *> fromJob(const Job &job)
    {
        const QJsonObject p = job.payload;
        auto steps = stepsFromJson(p.value(QStringLiteral("steps")).toArray());
        if (!steps)
            return steps.error();
        auto *run = new Run;
        run->job = job;
        run->tenantId = p.value(QStringLiteral("tenantId")).toString();
        for (const QJsonValue &id : p.value(QStringLiteral("serviceIds")).toArray())
            run->serviceIds << id.toString();
        run->steps = *steps;
        run->baseRefs = refsFromJson(p.value(QStringLiteral("baseRefs")).toObject());
        run->rollingBack = p.value(QStringLiteral("direction")).toString() == QLatin1String("rollback");
        run->cursor = p.value(QStringLiteral("cursor")).toInt();
        run->failure = p.value(QStringLiteral("failure")).toString();
        for (const QJsonValue &e : p.value(QStringLiteral("rollbackErrors")).toArray())
            run->rollbackErrors << e.toString();
        for (int i = 0; i < run->steps.size(); ++i)
            if (run->steps[i].state == StepState::Running)
                run->interrupted.insert(i);
        return run;
    }
};

} // namespace NeoCloud
