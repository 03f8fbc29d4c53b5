#include "ServiceStepModel.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace NeoCloud {
namespace {

QString indented(const QJsonValue &body)
{
    if (body.isObject())
        return QString::fromUtf8(QJsonDocument(body.toObject()).toJson(QJsonDocument::Indented))
            .trimmed();
    if (body.isArray())
        return QString::fromUtf8(QJsonDocument(body.toArray()).toJson(QJsonDocument::Indented))
            .trimmed();
    return body.isUndefined() || body.isNull() ? QString() : body.toVariant().toString();
}

} // namespace

ServiceStepModel::ServiceStepModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int ServiceStepModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

QVariant ServiceStepModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProviderStep &step = m_steps.at(index.row());
    switch (role) {
    case StepIdRole:
        return step.id;
    case MethodRole:
        return step.call.method;
    case PathRole:
        return step.call.path;
    case BodyRole:
        return indented(step.call.body);
    case Qt::DisplayRole:
    case TitleRole:
        return step.title;
    case TargetRole:
        return step.target;
    case SharedRole:
        return step.shared;
    case StateRole:
        return toString(step.state);
    case ErrorRole:
        return step.error;
    default:
        return {};
    }
}

QHash<int, QByteArray> ServiceStepModel::roleNames() const
{
    return { { StepIdRole, "stepId" }, { MethodRole, "method" }, { PathRole, "path" },
             { BodyRole, "body" },     { TitleRole, "title" },   { TargetRole, "target" },
             { SharedRole, "shared" }, { StateRole, "state" },   { ErrorRole, "error" } };
}

int ServiceStepModel::doneCount() const
{
    return int(std::count_if(m_steps.begin(), m_steps.end(),
                             [](const ProviderStep &s) { return s.state == StepState::Done; }));
}

QString ServiceStepModel::failedStep() const
{
    for (const ProviderStep &s : m_steps)
        if (s.state == StepState::Failed)
            return s.title;
    return {};
}

void ServiceStepModel::setSteps(const QList<ProviderStep> &steps)
{
    // A running job updates states in place: same steps, new data, no reset (the list keeps its
    // scroll position and expanded bodies).
    const bool sameSteps = steps.size() == m_steps.size()
        && std::equal(steps.begin(), steps.end(), m_steps.begin(),
                      [](const ProviderStep &a, const ProviderStep &b) { return a.id == b.id; });
    if (sameSteps) {
        m_steps = steps;
        if (!m_steps.isEmpty())
            Q_EMIT dataChanged(index(0), index(count() - 1),
                               { StateRole, ErrorRole, PathRole, BodyRole });
        Q_EMIT stepsChanged();
        return;
    }
    const bool countChanges = steps.size() != m_steps.size();
    beginResetModel();
    m_steps = steps;
    endResetModel();
    if (countChanges)
        Q_EMIT countChanged();
    Q_EMIT stepsChanged();
}

void ServiceStepModel::setSteps(const QJsonArray &steps)
{
    QList<ProviderStep> read;
    for (const QJsonValue &v : steps)
        if (auto step = stepFromJson(v.toObject()))
            read << *step;
    setSteps(read);
}

} // namespace NeoCloud
