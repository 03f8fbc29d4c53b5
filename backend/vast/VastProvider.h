#pragma once
// The service provider for VAST clusters: plans from VastPlans, calls through VmsClient.
// A step first looks for what it would create (so re-running it is harmless), then makes the
// call and, when VMS answers with an asynchronous task, waits for the task to finish.

#include "VmsClient.h"
#include "services/ServiceProvider.h"

namespace NeoCloud {

class VastProvider : public ServiceProvider
{
public:
    explicit VastProvider(VmsConnection connection);
    ~VastProvider() override;

    QString name() const override { return QStringLiteral("vast"); }
    Result<QList<ProviderStep>> planFoundation(const ProvisionContext &context) const override;
    Result<QList<ProviderStep>> planEnable(const ProvisionContext &context, const QString &kind,
                                           const QJsonObject &params) const override;
    QJsonObject endpoints(const ProvisionContext &context, const QString &kind, const QJsonObject &params,
                          const StepRefs &refs) const override;
    void execute(const ProviderCall &call, const QString &lookup, StepDone done) override;
    void abortAll() override;

    VmsClient &client() { return m_client; }

private:
    void call(const ProviderCall &call, StepDone done);

    VmsClient m_client;
};

} // namespace NeoCloud
